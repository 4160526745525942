import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PageCache } from './page-cache.js';

test('pages are rendered once per data version, and once for concurrent requests', async () => {
  let version = 'v1';
  let renders = 0;
  const cache = new PageCache(() => Promise.resolve(version), 0);
  const render = () => {
    renders += 1;
    return Promise.resolve(`<p>${version}</p>`);
  };
  const pages = await Promise.all([cache.get('a', render), cache.get('a', render), cache.get('a', render)]);
  assert.deepEqual(pages.map(String), ['<p>v1</p>', '<p>v1</p>', '<p>v1</p>']);
  assert.equal(renders, 1);
  version = 'v2';
  await cache.get('a', render); // sees the change in the background
  await new Promise((done) => setImmediate(done));
  assert.equal(String(await cache.get('a', render)), '<p>v2</p>');
  assert.equal(await cache.get('missing', () => Promise.resolve(null)), null);
});

test('a remembered value is computed once per data version and shared', async () => {
  let version = 'v1';
  let computed = 0;
  const cache = new PageCache(() => Promise.resolve(version), 0);
  await cache.get('page', () => Promise.resolve('<p></p>'));
  const compute = () => Promise.resolve(`${version}:${++computed}`);
  const values = await Promise.all([cache.remember('k', compute), cache.remember('k', compute)]);
  assert.deepEqual(values, ['v1:1', 'v1:1']);
  version = 'v2';
  await cache.get('page', () => Promise.resolve('<p></p>')); // sees the change in the background
  await new Promise((done) => setImmediate(done));
  assert.equal(await cache.remember('k', compute), 'v2:2');
  await assert.rejects(cache.remember('bad', () => Promise.reject(new Error('down'))));
  assert.equal(await cache.remember('bad', () => Promise.resolve('up')), 'up');
});
