"use client";
import { useEffect, useState } from "react";

/**
 * The current time, for what a page shows of a running thing (a scan's elapsed time): read once
 * when the component mounts and again every `intervalMs` while `ticking`, so rendering itself stays
 * pure (the same props and state always render the same).
 */
export function useNow(ticking: boolean, intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!ticking) return;
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [ticking, intervalMs]);
  return now;
}
