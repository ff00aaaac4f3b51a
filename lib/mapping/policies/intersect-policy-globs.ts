/**
 * Whether two IAM-style patterns (`*` any run of characters, `/` included; `?` one character) can
 * match one same string. Used to find what a Deny touches and which resources an action pattern
 * names. Characters other than `*` and `?` are literal (in IoT policies `+` and `#` are literal too).
 */
export function intersectPolicyGlobs(a: string, b: string): boolean {
  const memo = new Map<number, boolean>();
  const width = b.length + 1;
  const walk = (i: number, j: number): boolean => {
    const key = i * width + j;
    const known = memo.get(key);
    if (known !== undefined) return known;
    let result: boolean;
    if (i === a.length && j === b.length) result = true;
    else if (i < a.length && a[i] === "*") result = walk(i + 1, j) || (j < b.length && walk(i, j + 1));
    else if (j < b.length && b[j] === "*") result = walk(i, j + 1) || (i < a.length && walk(i + 1, j));
    else if (i === a.length || j === b.length) result = false;
    else result = (a[i] === b[j] || a[i] === "?" || b[j] === "?") && walk(i + 1, j + 1);
    memo.set(key, result);
    return result;
  };
  return walk(0, 0);
}
