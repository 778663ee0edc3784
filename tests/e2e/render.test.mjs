// web/ui/render.js: nesting report spans so that every character keeps all its highlights.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { LAYER, blockIndexAt, blocksFor, nestSpans } from '../../web/ui/render.js';

const shape = (nodes) =>
  nodes.map((n) => [n.span.name, n.start, n.end, n.part, ...(n.children.length ? [shape(n.children)] : [])]);

describe('nestSpans', () => {
  test('an entity inside a sentence nests inside it, whatever the input order', () => {
    const entity = { name: 'ent', start: 4, end: 9, layer: LAYER.entity };
    const sentence = { name: 'sent', start: 0, end: 20, layer: LAYER.sentence };
    assert.deepEqual(shape(nestSpans([entity, sentence], 0, 30)), [['sent', 0, 20, 0, [['ent', 4, 9, 0]]]]);
  });

  test("a span crossing its parent's end is split, and both pieces are kept", () => {
    const sentence = { name: 'sent', start: 0, end: 10, layer: LAYER.sentence };
    const entity = { name: 'ent', start: 8, end: 14, layer: LAYER.entity };
    assert.deepEqual(shape(nestSpans([sentence, entity], 0, 20)), [
      ['sent', 0, 10, 0, [['ent', 8, 10, 0]]],
      ['ent', 10, 14, 1],
    ]);
  });

  test('equal ranges nest by layer: sentence outside role outside entity', () => {
    const spans = [
      { name: 'ent', start: 2, end: 6, layer: LAYER.entity },
      { name: 'role', start: 2, end: 6, layer: LAYER.role },
      { name: 'sent', start: 0, end: 6, layer: LAYER.sentence },
    ];
    assert.deepEqual(shape(nestSpans(spans, 0, 6)), [
      ['sent', 0, 6, 0, [['role', 2, 6, 0, [['ent', 2, 6, 0]]]]],
    ]);
  });

  test('a span running over two blocks has one first piece', () => {
    const entity = { name: 'ent', start: 3, end: 9, layer: LAYER.entity };
    assert.deepEqual(shape(nestSpans([entity], 0, 5)), [['ent', 3, 5, 0]]);
    assert.deepEqual(shape(nestSpans([entity], 7, 12)), [['ent', 7, 9, 1]]);
  });

  test('spans are clipped to the block; empty and outside spans are dropped', () => {
    const spans = [
      { name: 'a', start: 0, end: 12, layer: LAYER.sentence },
      { name: 'b', start: 30, end: 40, layer: LAYER.entity },
      { name: 'c', start: 15, end: 15, layer: LAYER.entity },
    ];
    assert.deepEqual(shape(nestSpans(spans, 10, 20)), [['a', 10, 12, 1]]);
  });

  test('overlapping roles keep every character covered exactly as often as in the input', () => {
    const spans = [
      { name: 'r1', start: 0, end: 8, layer: LAYER.role },
      { name: 'r2', start: 5, end: 12, layer: LAYER.role },
      { name: 'e', start: 6, end: 10, layer: LAYER.entity },
    ];
    const cover = new Map();
    const walk = (nodes) =>
      nodes.forEach((n) => {
        for (let i = n.start; i < n.end; i++) cover.set(`${n.span.name}:${i}`, true);
        walk(n.children);
      });
    walk(nestSpans(spans, 0, 12));
    for (const span of spans) {
      for (let i = span.start; i < span.end; i++)
        assert.ok(cover.has(`${span.name}:${i}`), `${span.name} at ${i}`);
    }
  });
});

describe('blocksFor and blockIndexAt', () => {
  test('without blocks, the text is split into paragraphs at blank lines', () => {
    const text = 'First one.\n\nSecond one.\n \nThird.';
    assert.deepEqual(
      blocksFor(text, []).map((b) => text.slice(b.start, b.end)),
      ['First one.', 'Second one.', 'Third.'],
    );
  });

  test('valid blocks are kept, invalid ones dropped', () => {
    const blocks = [
      { kind: 'heading', start: 0, end: 3 },
      { kind: 'paragraph', start: 5, end: 99 },
    ];
    assert.deepEqual(blocksFor('abc\n\ndef', blocks), [{ kind: 'heading', start: 0, end: 3 }]);
  });

  test('blockIndexAt finds the block that holds an offset', () => {
    const blocks = [
      { start: 0, end: 5 },
      { start: 7, end: 12 },
      { start: 14, end: 20 },
    ];
    assert.equal(blockIndexAt(blocks, 0), 0);
    assert.equal(blockIndexAt(blocks, 6), 1);
    assert.equal(blockIndexAt(blocks, 13), 2);
    assert.equal(blockIndexAt(blocks, 25), 3);
  });
});
