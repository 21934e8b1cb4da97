/**
 * VS Code's theme variables, as a webview receives them: set on `<html style="...">` with a
 * `vscode-light` / `vscode-dark` / `vscode-high-contrast` class on `<body>`. Values from VS Code's
 * Light Modern, Dark Modern and Dark High Contrast themes, for the variables the page reads.
 */
import type { Page } from 'playwright-core';

export interface Theme {
  name: 'light' | 'dark' | 'high-contrast';
  bodyClass: string;
  variables: Record<string, string>;
}

const COMMON = {
  '--vscode-font-family': 'system-ui, "Ubuntu", "Droid Sans", sans-serif',
  '--vscode-editor-font-family': '"Droid Sans Mono", "monospace", monospace',
  '--vscode-markdown-font-family': '-apple-system, "Segoe UI", "Ubuntu", "NanumGothic", sans-serif',
  '--vscode-markdown-font-size': '14px',
};

export const THEMES: Theme[] = [
  {
    name: 'light',
    bodyClass: 'vscode-light',
    variables: {
      ...COMMON,
      '--vscode-editor-background': '#ffffff',
      '--vscode-editor-foreground': '#3b3b3b',
      '--vscode-descriptionForeground': '#3b3b3b',
      '--vscode-textLink-foreground': '#005fb8',
      '--vscode-textLink-activeForeground': '#005fb8',
      '--vscode-panel-border': '#e5e5e5',
      '--vscode-editorWidget-border': '#c8c8c8',
      '--vscode-textCodeBlock-background': '#f8f8f8',
      '--vscode-focusBorder': '#005fb8',
      '--vscode-button-background': '#005fb8',
      '--vscode-button-foreground': '#ffffff',
      '--vscode-button-secondaryBackground': '#e5e5e5',
      '--vscode-button-secondaryForeground': '#3b3b3b',
      '--vscode-button-border': '#0000001a',
      '--vscode-statusBarItem-warningBackground': '#7a6400',
      '--vscode-statusBarItem-warningForeground': '#ffffff',
      '--vscode-textBlockQuote-border': '#e5e5e5',
      '--vscode-errorForeground': '#f85149',
      '--vscode-keybindingTable-headerBackground': '#3b3b3b0a',
      '--vscode-foreground': '#3b3b3b',
      '--vscode-charts-blue': '#1a85ff',
      '--vscode-charts-yellow': '#bf8803',
      '--vscode-charts-green': '#388a34',
      '--vscode-charts-orange': '#d18616',
      '--vscode-charts-purple': '#652d90',
      '--vscode-charts-red': '#e51400',
    },
  },
  {
    name: 'dark',
    bodyClass: 'vscode-dark',
    variables: {
      ...COMMON,
      '--vscode-editor-background': '#1f1f1f',
      '--vscode-editor-foreground': '#cccccc',
      '--vscode-descriptionForeground': '#9d9d9d',
      '--vscode-textLink-foreground': '#4daafc',
      '--vscode-textLink-activeForeground': '#4daafc',
      '--vscode-panel-border': '#2b2b2b',
      '--vscode-editorWidget-border': '#454545',
      '--vscode-textCodeBlock-background': '#2b2b2b',
      '--vscode-focusBorder': '#0078d4',
      '--vscode-button-background': '#0078d4',
      '--vscode-button-foreground': '#ffffff',
      '--vscode-button-secondaryBackground': '#313131',
      '--vscode-button-secondaryForeground': '#cccccc',
      '--vscode-button-border': '#ffffff12',
      '--vscode-statusBarItem-warningBackground': '#7a6400',
      '--vscode-statusBarItem-warningForeground': '#ffffff',
      '--vscode-textBlockQuote-border': '#616161',
      '--vscode-errorForeground': '#f85149',
      '--vscode-keybindingTable-headerBackground': '#cccccc0a',
      '--vscode-foreground': '#cccccc',
      '--vscode-charts-blue': '#3794ff',
      '--vscode-charts-yellow': '#cca700',
      '--vscode-charts-green': '#89d185',
      '--vscode-charts-orange': '#d18616',
      '--vscode-charts-purple': '#b180d7',
      '--vscode-charts-red': '#f14c4c',
    },
  },
  {
    name: 'high-contrast',
    bodyClass: 'vscode-high-contrast',
    variables: {
      ...COMMON,
      '--vscode-editor-background': '#000000',
      '--vscode-editor-foreground': '#ffffff',
      '--vscode-descriptionForeground': '#ffffff',
      '--vscode-textLink-foreground': '#21a6ff',
      '--vscode-textLink-activeForeground': '#21a6ff',
      '--vscode-contrastBorder': '#6fc3df',
      '--vscode-focusBorder': '#f38518',
      '--vscode-textCodeBlock-background': '#000000',
      '--vscode-button-background': '#000000',
      '--vscode-button-foreground': '#ffffff',
      '--vscode-button-border': '#6fc3df',
      '--vscode-button-secondaryBackground': '#000000',
      '--vscode-button-secondaryForeground': '#ffffff',
      '--vscode-statusBarItem-warningBackground': '#000000',
      '--vscode-statusBarItem-warningForeground': '#ffffff',
      '--vscode-errorForeground': '#f48771',
      '--vscode-foreground': '#ffffff',
      '--vscode-charts-blue': '#3794ff',
      '--vscode-charts-yellow': '#ffd700',
      '--vscode-charts-green': '#89d185',
      '--vscode-charts-orange': '#d18616',
      '--vscode-charts-purple': '#b180d7',
      '--vscode-charts-red': '#f14c4c',
    },
  },
];

/**
 * Applies `theme` to the loaded page the way VS Code's webview host does: each variable with
 * `style.setProperty` on `<html>` (which a CSP without `'unsafe-inline'` allows, where a `style`
 * attribute would be blocked), and a body class.
 */
export async function applyTheme(page: Page, theme: Theme): Promise<void> {
  await page.evaluate(
    ({ variables, bodyClass }) => {
      const style = document.documentElement.style;
      for (let i = style.length - 1; i >= 0; i--)
        if (style[i]!.startsWith('--vscode-')) style.removeProperty(style[i]!);
      for (const [name, value] of Object.entries(variables)) style.setProperty(name, value);
      document.body.classList.remove('vscode-light', 'vscode-dark', 'vscode-high-contrast');
      document.body.classList.add(bodyClass);
    },
    { variables: theme.variables, bodyClass: theme.bodyClass },
  );
}
