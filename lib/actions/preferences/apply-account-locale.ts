"use server";
import { cookies } from "next/headers";
import { z } from "zod";
import { defineAction } from "@/lib/auth/define-action";
import { isLocale, LOCALE_COOKIE } from "@/lib/i18n/locales";
import { db } from "@/lib/db";

const ONE_YEAR = 60 * 60 * 24 * 365;

/** After sign-in: the account's language wins over the browser's, so it follows the user; a first choice made before signing in is kept on the account. */
export const applyAccountLocaleAction = defineAction({
  permission: "self",
  input: z.object({}).optional(),
  run: async (_input, { user }) => {
    const jar = await cookies();
    const current = jar.get(LOCALE_COOKIE)?.value;
    if (user.locale && isLocale(user.locale)) {
      if (current !== user.locale) jar.set(LOCALE_COOKIE, user.locale, { path: "/", maxAge: ONE_YEAR, sameSite: "lax" });
      return { locale: user.locale };
    }
    if (isLocale(current)) await db().user.update({ where: { id: user.id }, data: { locale: current } });
    return { locale: current ?? null };
  },
  audit: null,
});
