import { describe, expect, it } from 'vitest';
import {
  evaluate,
  evaluateCondition,
  interpolate,
  type ExpressionContext,
} from '../../sandbox/services/pipeline/expressions.ts';

const ctx: ExpressionContext = {
  contexts: {
    env: { AWS_REGION: 'eu-west-3', ECR_REPOSITORY: 'web' },
    secrets: { ROLE: 'arn:aws:iam::123456789012:role/gha-deploy' },
    github: { sha: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678', ref: 'refs/heads/main' },
    steps: {
      'login-ecr': {
        outputs: { registry: '123456789012.dkr.ecr.eu-west-3.amazonaws.com' },
        conclusion: 'success',
      },
    },
    needs: { build: { outputs: { image: 'web:abc' }, result: 'success' } },
  },
  status: { failed: false, cancelled: false },
};

describe('interpolation', () => {
  it('reads env, secrets, steps outputs, github.sha and needs outputs', () => {
    expect(
      interpolate(
        '${{ steps.login-ecr.outputs.registry }}/${{ env.ECR_REPOSITORY }}:${{ github.sha }} ${{ needs.build.outputs.image }} ${{ secrets.ROLE }}',
        ctx,
      ),
    ).toEqual({
      ok: true,
      value:
        '123456789012.dkr.ecr.eu-west-3.amazonaws.com/web:a1b2c3d4e5f60718293a4b5c6d7e8f9012345678 web:abc arn:aws:iam::123456789012:role/gha-deploy',
    });
  });

  it('a misspelt job or output is an empty string, as on GitHub', () => {
    expect(interpolate('web:${{ needs.biuld.outputs.image }}', ctx)).toEqual({
      ok: true,
      value: 'web:',
    });
    expect(interpolate("${{ github['sha'] }}", ctx)).toEqual({
      ok: true,
      value: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678',
    });
  });

  it('unknown named-values and functions are refused with the position', () => {
    expect(evaluate('vars.X', { contexts: {} })).toEqual({
      ok: false,
      error: "Unrecognized named-value: 'vars'. Located at position 1 within expression: vars.X",
    });
    expect(evaluate('toJSON(github)', ctx)).toEqual({
      ok: false,
      error:
        "Unrecognized function: 'toJSON'. Located at position 1 within expression: toJSON(github)",
    });
    expect(evaluate('env.A ==', ctx)).toEqual({
      ok: false,
      error: "Unexpected end of expression: 'env.A =='",
    });
  });

  it('never evaluates JavaScript', () => {
    expect(evaluate('constructor.constructor', ctx)).toEqual({
      ok: false,
      error:
        "Unrecognized named-value: 'constructor'. Located at position 1 within expression: constructor.constructor",
    });
    expect(evaluate("env['__proto__']", ctx)).toEqual({ ok: true, value: null });
    expect(evaluate('env.constructor', ctx)).toEqual({ ok: true, value: null });
  });
});

describe('operators and functions', () => {
  it('compares strings case-insensitively; && and || return operands', () => {
    expect(evaluate("github.ref == 'REFS/HEADS/MAIN'", ctx)).toEqual({ ok: true, value: true });
    expect(evaluate("env.NOPE || 'fallback'", ctx)).toEqual({ ok: true, value: 'fallback' });
    expect(evaluate("env.AWS_REGION && 'set'", ctx)).toEqual({ ok: true, value: 'set' });
    expect(evaluate("!(1 < 2) || startsWith(github.ref, 'refs/heads/')", ctx)).toEqual({
      ok: true,
      value: true,
    });
    expect(evaluate("format('{0}:{1}', env.ECR_REPOSITORY, 'v2')", ctx)).toEqual({
      ok: true,
      value: 'web:v2',
    });
    expect(evaluate("contains('abc', 'B')", ctx)).toEqual({ ok: true, value: true });
  });

  it('if: applies success() unless a status function is named', () => {
    const failed: ExpressionContext = { ...ctx, status: { failed: true, cancelled: false } };
    expect(evaluateCondition("github.ref == 'refs/heads/main'", failed)).toEqual({
      ok: true,
      value: false,
    });
    expect(evaluateCondition("${{ steps.login-ecr.conclusion == 'failure' }}", failed)).toEqual({
      ok: true,
      value: false,
    });
    expect(evaluateCondition('failure()', failed)).toEqual({ ok: true, value: true });
    expect(evaluateCondition('${{ always() }}', failed)).toEqual({ ok: true, value: true });
    expect(evaluateCondition('failure()', ctx)).toEqual({ ok: true, value: false });
  });

  it('hostile expressions are refused within bounds', () => {
    expect(evaluate('('.repeat(100) + '1' + ')'.repeat(100), ctx)).toEqual({
      ok: false,
      error: 'the expression nests deeper than 32 levels',
    });
    expect(evaluate('1==='.slice(0, 3).repeat(300) + '1', ctx)).toEqual({
      ok: false,
      error: 'the expression has more than 400 tokens',
    });
    expect(interpolate('${{ 1 }}'.repeat(51), ctx)).toEqual({
      ok: false,
      error: 'more than 50 expressions in one value',
    });
  });
});
