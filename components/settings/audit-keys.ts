export interface AuditQuery {
  actor?: string;
  action?: string;
  outcome?: string;
  from?: string;
  to?: string;
}

export const auditKeys = {
  all: ["audit"] as const,
  list: (filter: AuditQuery) => [...auditKeys.all, "list", filter] as const,
};
