// The error a call fails with, for tests that look at its fields (code, issues, details); fails the test
// when the call succeeds.
export async function caught(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("Expected the call to fail");
}
