import { isAccountInUseError } from './is-account-in-use-error';

describe('isAccountInUseError', () => {
  it('recognises InstructionError Custom(0), optionally at an index', () => {
    expect(isAccountInUseError({ InstructionError: [0, { Custom: 0 }] })).toBe(true);
    expect(isAccountInUseError({ InstructionError: [0, { Custom: 0 }] }, 0)).toBe(true);
    expect(isAccountInUseError({ InstructionError: [1, { Custom: 0 }] }, 0)).toBe(false);
    expect(isAccountInUseError({ InstructionError: [0, { Custom: 1 }] })).toBe(false);
    expect(isAccountInUseError({ InstructionError: [0, 'InvalidArgument'] })).toBe(false);
    expect(isAccountInUseError('AccountNotFound')).toBe(false);
    expect(isAccountInUseError(null)).toBe(false);
  });
});
