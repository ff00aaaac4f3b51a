"use client";
import { useEffect, useRef, useState } from "react";

const trim = (v: string) => v.trim();

/**
 * A text field bound to a value that lives elsewhere (the address bar): typing updates the field
 * at once and commits after `delay` ms of quiet; a change from outside (back button, reset)
 * replaces what the field shows. Values are compared trimmed, so a space being typed is not
 * taken back when its commit comes round.
 */
export function useDebouncedField(outside: string, commit: (value: string) => void, delay = 350) {
  const [value, setValue] = useState(outside);
  const committed = useRef(outside);
  const commitRef = useRef(commit);
  useEffect(() => {
    commitRef.current = commit;
  });
  useEffect(() => {
    if (outside !== committed.current) {
      committed.current = outside;
      setValue(outside);
    }
  }, [outside]);
  useEffect(() => {
    if (trim(value) === committed.current) return;
    const timer = setTimeout(() => {
      committed.current = trim(value);
      commitRef.current(value);
    }, delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return [value, setValue] as const;
}
