/** placeholder */
export async function generateStdlib(...args: unknown[]): Promise<string[]> { return []; }
