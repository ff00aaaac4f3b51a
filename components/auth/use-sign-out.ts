"use client";
import { useRouter } from "next/navigation";
import { authClient } from "@/lib/auth/auth-client";

/** Signs out and shows the sign-in page with its "you have signed out" notice. */
export function useSignOut(): () => Promise<void> {
  const router = useRouter();
  return async () => {
    await authClient.signOut();
    router.replace("/sign-in?reason=signed-out");
    router.refresh();
  };
}
