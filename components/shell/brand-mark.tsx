export function BrandMark({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" aria-hidden className={className}>
      <rect width="32" height="32" rx="7" fill="#2159c4" />
      <path d="M6 22c5-10 15-2 20-12" stroke="#f5b26b" strokeWidth="3" fill="none" strokeLinecap="round" />
      <circle cx="6" cy="22" r="2.5" fill="#fff" />
      <circle cx="26" cy="10" r="2.5" fill="#fff" />
    </svg>
  );
}
