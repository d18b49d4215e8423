/** placeholder */
export async function generateSizes(...args: unknown[]): Promise<string[]> { return []; }
