"use server";
import { cookies } from "next/headers";
import { z } from "zod";
import { defineAction } from "@/lib/auth/define-action";
import { LOCALES, LOCALE_COOKIE } from "@/lib/i18n/locales";
import { db } from "@/lib/db";

const ONE_YEAR = 60 * 60 * 24 * 365;

/** Remembers the chosen language in a cookie and, for a signed-in user, on their account (also on the sign-in page). */
export const setLocaleAction = defineAction({
  permission: "public",
  input: z.object({ locale: z.enum(LOCALES) }),
  run: async ({ locale }, { user }) => {
    (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: ONE_YEAR, sameSite: "lax", httpOnly: false });
    if (user) await db().user.update({ where: { id: user.id }, data: { locale } });
    return { locale };
  },
  audit: null,
});
