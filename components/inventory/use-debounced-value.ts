"use client";
import { useEffect, useRef, useState } from "react";

/**
 * A text field bound to a value that lives elsewhere (the address bar): typing updates the field
 * at once and commits after `delay` ms of quiet; a change from outside (back button, reset)
 * replaces what the field shows.
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
    if (value === committed.current) return;
    const timer = setTimeout(() => {
      committed.current = value;
      commitRef.current(value);
    }, delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return [value, setValue] as const;
}
