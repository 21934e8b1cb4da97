/**
 * Posts the tests write, shared where several suites need the same one.
 */

/** A clean post of one talk (2020's 2nd quarter): no rule reports anything on it. */
export const ONE_TALK_POST = `---
layout: post
title: "2020_2nd_quarter"
date: 2020-04-02
image_url: https://user-images.githubusercontent.com/1/a.png
mathjax: true
comments: true
---

# Attention Is All You Need
## Ashish Vaswani et al., NeurIPS 2017
### 발표자: 김하늘 [[paper link](https://arxiv.org/abs/1706.03762), [presentation material](https://example.com/t.pdf)]
- attention만으로 번역 모델을 만든 논문입니다.

<p align="center">
  <img src="https://user-images.githubusercontent.com/1/a.png" width="450">
</p>
`;
