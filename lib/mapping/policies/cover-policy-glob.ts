/**
 * Whether every string the inner IAM-style pattern matches is matched by the outer one (`*` any
 * run of characters, `?` one character). Sound but not complete: when it says yes, the outer
 * pattern covers the inner one; a few exotic covers (`a*` over `a?*`) are not recognised, which
 * only makes a Deny count as partial. Used for "Deny wins" and for expanding action wildcards.
 */
export function coverPolicyGlob(outer: string, inner: string): boolean {
  const memo = new Map<number, boolean>();
  const width = inner.length + 1;
  const walk = (i: number, j: number): boolean => {
    const key = i * width + j;
    const known = memo.get(key);
    if (known !== undefined) return known;
    let result: boolean;
    if (i === outer.length) result = j === inner.length;
    else if (outer[i] === "*") result = walk(i + 1, j) || (j < inner.length && walk(i, j + 1));
    else if (j === inner.length) result = false;
    else if (outer[i] === "?") result = inner[j] !== "*" && walk(i + 1, j + 1);
    else result = inner[j] !== "*" && inner[j] !== "?" && outer[i] === inner[j] && walk(i + 1, j + 1);
    memo.set(key, result);
    return result;
  };
  return walk(0, 0);
}
