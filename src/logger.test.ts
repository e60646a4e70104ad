import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createLogger } from './logger.ts';

describe('logs', () => {
  it('are JSON lines with level, message and fields', () => {
    const lines: string[] = [];
    createLogger('info', { service: 'test' }, (line) => lines.push(line)).info('request', { path: '/admin', status: 200 });
    const entry = JSON.parse(lines[0]!);
    assert.equal(entry.level, 'info');
    assert.equal(entry.message, 'request');
    assert.equal(entry.path, '/admin');
    assert.equal(entry.service, 'test');
    assert.ok(Date.parse(entry.time));
  });

  it('never contain e-mail addresses, names, passwords or tokens passed as fields', () => {
    const lines: string[] = [];
    const logger = createLogger('debug', {}, (line) => lines.push(line)).child({ requestId: 'r1' });
    logger.warn('login', { email: 'lise@laeso.dk', password: 'hemmelig', sessionToken: 'abc', userName: 'Lise', authorization: 'Bearer x', userId: 'u-1' });
    const text = lines.join('\n');
    for (const secret of ['lise@laeso.dk', 'hemmelig', 'abc', 'Lise', 'Bearer x']) assert.ok(!text.includes(secret), secret);
    assert.match(text, /"userId":"u-1"/);
    assert.match(text, /"requestId":"r1"/);
  });

  it('leave out what is below the level', () => {
    const lines: string[] = [];
    const logger = createLogger('warn', {}, (line) => lines.push(line));
    logger.info('quiet');
    logger.error('loud');
    assert.equal(lines.length, 1);
  });
});
