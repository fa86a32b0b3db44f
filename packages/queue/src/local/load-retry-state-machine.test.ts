import { describe, expect, it } from '@jest/globals';
import { StateMachine } from 'aws-local-stepfunctions';
import { loadRetryStateMachine } from './load-retry-state-machine';

describe('loadRetryStateMachine', () => {
  it('reads the deployed Wait → Task machine from serverless.yml', async () => {
    const definition = await loadRetryStateMachine();
    const start = definition.States[definition.StartAt];
    expect(start).toMatchObject({ Type: 'Wait', SecondsPath: '$.delaySeconds' });
    const taskName = start?.Next;
    expect(typeof taskName).toBe('string');
    const task = definition.States[String(taskName)];
    expect(task?.Type).toBe('Task');
    expect(task?.End).toBe(true);
    expect(String(task?.Resource)).toMatch(/^arn:aws:lambda:/);
    expect(JSON.stringify(task?.Retry)).toContain('Lambda.ServiceException');
  });

  it('is a valid state machine that passes its input to the task after the wait', async () => {
    const definition = await loadRetryStateMachine();
    const machine = new StateMachine(definition as never);
    const taskName = Object.keys(definition.States).find(
      (name) => definition.States[name]?.Type === 'Task',
    );
    const seen: unknown[] = [];
    const input = { mutationId: 'x', attempt: 2, delaySeconds: 30, dueAt: '2026-01-01T00:00:00Z' };
    const result = await machine.run(input, {
      overrides: {
        taskResourceLocalHandlers: {
          [String(taskName)]: async (value) => {
            seen.push(value);
            return { done: true };
          },
        },
        waitTimeOverrides: { [definition.StartAt]: 0 },
      },
    }).result;
    expect(seen).toEqual([input]);
    expect(result).toEqual({ done: true });
  });
});
