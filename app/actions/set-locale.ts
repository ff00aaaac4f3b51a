"use server";
import { cookies } from "next/headers";
import { isLocale, LOCALE_COOKIE } from "@/lib/i18n/locales";
import { getCurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";

const ONE_YEAR = 60 * 60 * 24 * 365;

/** Remembers the chosen language in a cookie and, for a signed-in user, on their account. */
export async function setLocale(locale: unknown): Promise<{ ok: boolean }> {
  if (!isLocale(locale)) return { ok: false };
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: ONE_YEAR, sameSite: "lax", httpOnly: false });
  const user = await getCurrentUser();
  if (user) await db().user.update({ where: { id: user.id }, data: { locale } });
  return { ok: true };
}

/** After sign-in: the account's language wins over the browser's, so it follows the user. */
export async function applyAccountLocale(): Promise<{ locale: string | null }> {
  const user = await getCurrentUser();
  if (!user) return { locale: null };
  const jar = await cookies();
  const current = jar.get(LOCALE_COOKIE)?.value;
  if (user.locale && isLocale(user.locale)) {
    if (current !== user.locale) jar.set(LOCALE_COOKIE, user.locale, { path: "/", maxAge: ONE_YEAR, sameSite: "lax" });
    return { locale: user.locale };
  }
  if (isLocale(current)) await db().user.update({ where: { id: user.id }, data: { locale: current } });
  return { locale: current ?? null };
}
