"use client";
import { useEffect, useState } from "react";

/** The value once it has stayed the same for `delay` ms (what a search box asks the server for). */
export function useDebouncedText(value: string, delay = 300): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return settled;
}
