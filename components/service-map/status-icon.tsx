import { CircleCheck, CircleHelp, CircleSlash, OctagonX, TriangleAlert } from "lucide-react";
import type { ProposalStatus } from "@/lib/mapping/map-scan/map-scan-types";
import { cn } from "@/lib/ui/cn";

/** The icon of a status (or of gaps), so that colour is never the only signal. */
export function StatusIcon({ status, className }: { status: ProposalStatus | "gaps"; className?: string }) {
  const props = { className: cn("h-3.5 w-3.5 shrink-0", className), "aria-hidden": true } as const;
  switch (status) {
    case "mapped":
      return <CircleCheck {...props} />;
    case "decision":
      return <CircleHelp {...props} />;
    case "none":
      return <CircleSlash {...props} />;
    case "blocked":
      return <OctagonX {...props} />;
    default:
      return <TriangleAlert {...props} />;
  }
}
