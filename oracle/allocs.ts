/** placeholder */
export async function generateAllocs(...args: unknown[]): Promise<string[]> { return []; }
