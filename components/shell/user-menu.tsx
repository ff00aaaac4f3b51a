"use client";
import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { ChevronDown, LogOut, UserRound } from "lucide-react";
import { useSignOut } from "@/components/auth/use-sign-out";
import { Badge } from "@/components/ui/badge";

export function UserMenu({ name, email, role }: { name: string; email: string; role: string }) {
  const t = useTranslations("shell");
  const roles = useTranslations("roles");
  const signOut = useSignOut();
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger
        data-testid="user-menu"
        className="flex min-w-0 items-center gap-2 rounded-md px-2 py-1 text-sm text-slate-700 hover:bg-slate-100"
      >
        <UserRound aria-hidden className="h-4 w-4 shrink-0" />
        <span className="hidden max-w-[12rem] truncate sm:inline">{name}</span>
        <Badge tone="info" data-testid="current-role">
          {roles(role)}
        </Badge>
        <ChevronDown aria-hidden className="h-4 w-4 shrink-0" />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content align="end" sideOffset={6} className="z-50 min-w-[14rem] rounded-md border border-slate-200 bg-white p-1 shadow-lg">
          <div className="px-3 py-2 text-xs text-slate-500">
            <div className="truncate font-medium text-slate-800">{name}</div>
            <div className="truncate">{email}</div>
          </div>
          <DropdownMenu.Separator className="my-1 h-px bg-slate-200" />
          <DropdownMenu.Item asChild>
            <Link href="/settings" className="flex cursor-pointer items-center gap-2 rounded px-3 py-2 text-sm text-slate-700 outline-none data-[highlighted]:bg-slate-100">
              <UserRound aria-hidden className="h-4 w-4" />
              {t("profile")}
            </Link>
          </DropdownMenu.Item>
          <DropdownMenu.Item
            data-testid="sign-out"
            onSelect={signOut}
            className="flex cursor-pointer items-center gap-2 rounded px-3 py-2 text-sm text-slate-700 outline-none data-[highlighted]:bg-slate-100"
          >
            <LogOut aria-hidden className="h-4 w-4" />
            {t("signOut")}
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
