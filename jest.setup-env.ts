// Tests start whole stacks in-process; their request logs would drown the test report. Tests
// that assert on logs set their own level or capture the logger's output directly.
process.env.LOG_LEVEL ??= 'warn';
