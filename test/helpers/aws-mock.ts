import { mockClient, type AwsClientStub } from 'aws-sdk-client-mock';

/** Calls that reached a strict mock with no stub for them, since the last `takeUnstubbedCalls()`. */
const unstubbed: string[] = [];

/**
 * `mockClient` that fails loudly: aws-sdk-client-mock answers `undefined` to a command nobody
 * stubbed, which the code under test may well take for an empty answer. Here such a call
 * rejects with an error naming the command, and is recorded so that the setup file fails the
 * test even when the code under test swallows the rejection. `.reset()` keeps the rule.
 *
 * The rule is the stub's own default behaviour, beneath every `.on(Command)` and
 * `.onAnyCommand()`, so it also catches a call past the end of a `resolvesOnce()` chain.
 */
export function strictMock<TClient>(client: { prototype: TClient; name: string }): AwsClientStub<TClient> {
  const stub = mockClient(client as Parameters<typeof mockClient>[0]);
  const clientName = client.name;
  const rejectUnstubbed = () => {
    stub.send.callsFake((command) => {
      const call = `${clientName} ${command.constructor.name}`;
      unstubbed.push(call);
      return Promise.reject(new Error(`unstubbed AWS call ${call}: stub it with .on(${command.constructor.name}) or leave it to moto`));
    });
  };
  const reset = stub.reset.bind(stub);
  stub.reset = () => {
    reset();
    rejectUnstubbed();
    return stub;
  };
  rejectUnstubbed();
  return stub as unknown as AwsClientStub<TClient>;
}

/** The unstubbed calls made since the last time this was called (and forgets them). */
export function takeUnstubbedCalls(): string[] {
  return unstubbed.splice(0);
}
