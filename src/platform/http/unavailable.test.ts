import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isUnavailable } from './unavailable.ts';

const withCode = (code: string) => Object.assign(new Error(code), { code });

describe('isUnavailable', () => {
  it('recognises connection failures, shutdowns and a full server by SQLSTATE', () => {
    for (const code of ['08000', '08001', '08006', '08P01', '57P01', '57P02', '57P03', '53300']) assert.equal(isUnavailable(withCode(code)), true, code);
  });

  it('recognises a refused, reset or timed-out network connection', () => {
    for (const code of ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT']) assert.equal(isUnavailable(withCode(code)), true, code);
  });

  it('recognises the errors pg gives without a code when the server goes away or the pool cannot connect', () => {
    for (const message of ['Connection terminated unexpectedly', 'Client has encountered a connection error and is not queryable', 'timeout exceeded when trying to connect']) {
      assert.equal(isUnavailable(new Error(message)), true, message);
    }
    assert.equal(isUnavailable(Object.assign(new Error('Connection terminated unexpectedly'), { code: '23505' })), false, 'a code decides when there is one');
    assert.equal(isUnavailable(new Error('Connection terminated unexpectedly because of a bug')), false);
  });

  it('looks inside cause and AggregateError', () => {
    assert.equal(isUnavailable(new Error('query failed', { cause: withCode('57P01') })), true);
    assert.equal(isUnavailable(new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')], 'connect')), true);
  });

  it('leaves bugs and bad data to the 500 path', () => {
    for (const code of ['23505', '42P01', '22P02', '57014', 'ERR_INVALID_ARG_TYPE', '0800']) assert.equal(isUnavailable(withCode(code)), false, code);
    assert.equal(isUnavailable(new TypeError('x is undefined')), false);
    assert.equal(isUnavailable(undefined), false);
    assert.equal(isUnavailable('ECONNREFUSED'), false);
  });
});
