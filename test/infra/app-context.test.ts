import { App } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { AppContextError, readAppContext } from '../../infra/lib/app-context';

const VALID = { jwtIssuer: 'https://auth.sigap.example/', jwtAudience: 'sigap-api' };
const contextOf = (context: Record<string, unknown>) => readAppContext(new App({ context }).node);

describe('readAppContext', () => {
  it('should default the stage to dev', () => {
    expect(contextOf(VALID)).toEqual({ stage: 'dev', ...VALID });
  });

  it('should take the stage from context', () => {
    expect(contextOf({ ...VALID, stage: 'prod' }).stage).toBe('prod');
  });

  it.each(['Prod', 'dev-2', '', 'averyveryverylongstage'])('should refuse the stage %j', (stage) => {
    expect(() => contextOf({ ...VALID, stage })).toThrow(AppContextError);
  });

  it('should refuse an issuer that is not https', () => {
    expect(() => contextOf({ ...VALID, jwtIssuer: 'http://auth.sigap.example/' })).toThrow(/https/);
  });

  it('should name a missing audience', () => {
    expect(() => contextOf({ jwtIssuer: VALID.jwtIssuer })).toThrow(/jwtAudience/);
  });
});
