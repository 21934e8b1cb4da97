/**
 * `$$` math as kramdown reads it (`\$\$(.*?)\$\$` across lines): a formula opened by `$$` runs to
 * the next `$$`, wherever that is. remark-math's display math is a fence instead: opened by a `$$`
 * line, it runs to a line holding nothing but `$$` (or to the end of the post), so a formula closed
 * at the end of a text line (`+ b$$`) or followed by text (`$$,`) hid everything after it.
 *
 * `remarkKramdownMath` is remark-math (inline `$$...$$` unchanged; a lone `$` is a dollar sign)
 * with its display construct replaced: a line starting with `$$` (and no second `$$` on it) opens a
 * display formula that ends at the next `$$`, when nothing but spaces follows that `$$` on its line.
 * Otherwise (text after the closing `$$`, or no closing `$$` at all) the lines are an ordinary
 * paragraph, where `$$...$$` is inline math, as kramdown reads them. The formula's text starts right
 * after the opening `$$` (kramdown has no "meta" on the opening line).
 */
import remarkMath from 'remark-math';
import type { CompileContext } from 'mdast-util-from-markdown';
// Its token types (`mathFlow`, `mathFlowValue`, ...), which this construct produces.
import type {} from 'micromark-extension-math';
import type { Code, Construct, Effects, State, Token, TokenizeContext } from 'micromark-util-types';
import type { Processor } from 'unified';

const DOLLAR = 36;
const isLineEnding = (code: Code): boolean => code !== null && code < -2; // CR LF, LF, CR
const isSpace = (code: Code): boolean => code === -2 || code === -1 || code === 32; // tab, virtual space, space

/** remark-math with kramdown's reading of display math (see the module comment). */
export function remarkKramdownMath(this: Processor): void {
  remarkMath.call(this as never, { singleDollarTextMath: false });
  const extensions = this.data().micromarkExtensions ?? [];
  const math = extensions[extensions.length - 1];
  if (!math?.flow || !(DOLLAR in math.flow)) throw new Error('remark-math registered no `$$` construct');
  extensions[extensions.length - 1] = { ...math, flow: { [DOLLAR]: kramdownMathFlow } };
  // The spaces before an indented closing `$$` are not part of the formula (as in remark-math).
  const fromMarkdown = this.data().fromMarkdownExtensions ?? [];
  const handlers = fromMarkdown[fromMarkdown.length - 1] as
    { exit?: Record<string, (this: CompileContext, token: Token) => undefined> } | undefined;
  const exitMathFlow = handlers?.exit?.mathFlow;
  if (!handlers?.exit || !exitMathFlow) throw new Error('remark-math registered no display math handler');
  handlers.exit = {
    ...handlers.exit,
    mathFlow(token) {
      // Under the formula's text, which the handler takes: [..., math node, buffer].
      const node = this.stack[this.stack.length - 2] as unknown as {
        type: string;
        value: string;
        data?: { hChildren?: { children?: { value?: string }[] }[] };
      };
      exitMathFlow.call(this, token);
      if (node?.type !== 'math' || typeof node.value !== 'string') return;
      const trimmed = node.value.replace(/(?:\r?\n|\r)[ \t]*$/, '');
      if (trimmed === node.value) return;
      node.value = trimmed;
      const text = node.data?.hChildren?.[0]?.children?.[0];
      if (text && typeof text.value === 'string') text.value = trimmed;
    },
  };
}

const kramdownMathFlow: Construct = { name: 'mathFlow', tokenize: tokenizeMath, concrete: true };

/** Two `$` in a row, looked at but not taken. */
const doubleDollar: Construct = {
  partial: true,
  tokenize(effects, ok, nok) {
    return (code) => {
      if (code !== DOLLAR) return nok(code);
      effects.enter('mathFlowFenceSequence');
      effects.consume(code);
      return (next) => {
        if (next !== DOLLAR) return nok(next);
        effects.consume(next);
        effects.exit('mathFlowFenceSequence');
        return ok;
      };
    };
  },
};

/** A line ending inside a container, and the next line is not a lazy one (as remark-math checks). */
const nonLazyContinuation: Construct = {
  partial: true,
  tokenize(this: TokenizeContext, effects, ok, nok) {
    return (code) => {
      effects.enter('lineEnding');
      effects.consume(code);
      effects.exit('lineEnding');
      return (next) => (this.parser.lazy[this.now().line] ? nok(next) : ok(next));
    };
  },
};

function tokenizeMath(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  const tail = this.events[this.events.length - 1];
  // The indent of the opening line, which each line of the formula may repeat (as in remark-math).
  const initialSize = tail && tail[1].type === 'linePrefix' ? tail[2].sliceSerialize(tail[1], true).length : 0;
  let opened = 0;
  let firstLine = true;
  let inValue = false;
  let prefix = 0;

  return start;

  function start(code: Code): State | undefined {
    if (code !== DOLLAR) return nok(code);
    effects.enter('mathFlow');
    effects.enter('mathFlowFence');
    effects.enter('mathFlowFenceSequence');
    return sequenceOpen(code);
  }

  function sequenceOpen(code: Code): State | undefined {
    if (code === DOLLAR) {
      // `$$$` is not an opening kramdown reads as display math.
      if (opened === 2) return nok(code);
      opened++;
      effects.consume(code);
      return sequenceOpen;
    }
    if (opened < 2) return nok(code);
    effects.exit('mathFlowFenceSequence');
    effects.exit('mathFlowFence');
    return inside(code);
  }

  /** In the formula, at any character. */
  function inside(code: Code): State | undefined {
    if (code === null) return nok(code); // never closed: a paragraph, as kramdown reads it
    if (isLineEnding(code)) {
      endValue();
      return effects.attempt(nonLazyContinuation, lineStart, nok)(code);
    }
    if (code === DOLLAR) return effects.check(doubleDollar, closing, valueCharacter)(code);
    return valueCharacter(code);
  }

  function valueCharacter(code: Code): State | undefined {
    if (!inValue) {
      effects.enter('mathFlowValue');
      inValue = true;
    }
    effects.consume(code);
    return inside;
  }

  function endValue(): void {
    if (inValue) effects.exit('mathFlowValue');
    inValue = false;
  }

  function lineStart(code: Code): State | undefined {
    firstLine = false;
    prefix = 0;
    return linePrefix(code);
  }

  function linePrefix(code: Code): State | undefined {
    if (prefix < initialSize && isSpace(code)) {
      if (prefix === 0) effects.enter('linePrefix');
      prefix++;
      effects.consume(code);
      return linePrefix;
    }
    if (prefix > 0) effects.exit('linePrefix');
    return inside(code);
  }

  /** At the `$$` that ends the formula. */
  function closing(code: Code): State | undefined {
    // A second `$$` on the opening line: inline math in a paragraph (`$$x$$`, `$$a$$ and $$b$$`).
    if (firstLine) return nok(code);
    endValue();
    effects.enter('mathFlowFence');
    return effects.attempt(doubleDollar, afterClosing, nok)(code);
  }

  function afterClosing(code: Code): State | undefined {
    if (isSpace(code)) {
      effects.enter('whitespace');
      return trailingSpace(code);
    }
    return end(code);
  }

  function trailingSpace(code: Code): State | undefined {
    if (isSpace(code)) {
      effects.consume(code);
      return trailingSpace;
    }
    effects.exit('whitespace');
    return end(code);
  }

  function end(code: Code): State | undefined {
    // Text after the closing `$$` (`$$,`): a paragraph with inline math, as kramdown reads it.
    if (code !== null && !isLineEnding(code)) return nok(code);
    effects.exit('mathFlowFence');
    effects.exit('mathFlow');
    return ok(code);
  }
}
