import { describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";
import { localeFromAcceptLanguage } from "@/lib/i18n/locales";

function flatten(obj: Record<string, unknown>, prefix = ""): Record<string, string> {
  return Object.fromEntries(
    Object.entries(obj).flatMap(([k, v]) =>
      v && typeof v === "object" ? Object.entries(flatten(v as Record<string, unknown>, `${prefix}${k}.`)) : [[`${prefix}${k}`, String(v)]],
    ),
  );
}

const enFlat = flatten(en);
const zhFlat = flatten(zh);

describe("UI messages", () => {
  it("have the same keys in English and Simplified Chinese", () => {
    expect(Object.keys(zhFlat).sort()).toEqual(Object.keys(enFlat).sort());
  });

  it("have no empty message and the same placeholders in both languages", () => {
    for (const [key, value] of Object.entries(enFlat)) {
      expect(value.trim(), key).not.toBe("");
      expect(zhFlat[key]!.trim(), key).not.toBe("");
      const placeholders = (s: string) => [...s.matchAll(/\{(\w+)/g)].map((m) => m[1]).sort();
      expect(placeholders(zhFlat[key]!), key).toEqual(placeholders(value));
    }
  });

  it("are actually Chinese in zh-CN (no English left untranslated)", () => {
    const untranslated = Object.entries(zhFlat).filter(([key, v]) => v === enFlat[key] && /[a-z]{4,}/i.test(v) && !/^[\w.\-]+$/.test(v));
    expect(untranslated).toEqual([]);
  });

  it("cover every key the code asks for", () => {
    // Collects t("key") calls together with the namespace of the file's translator.
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith(".test.ts")) files.push(full);
      }
    };
    walk("app");
    walk("components");
    const missing: string[] = [];
    for (const file of files) {
      const source = fs.readFileSync(file, "utf8");
      const translators = [...source.matchAll(/const (\w+) = (?:await )?(?:useTranslations|getTranslations)\("([\w.]+)"\)/g)];
      for (const [, name, namespace] of translators) {
        for (const call of source.matchAll(new RegExp(`\\b${name}\\("([\\w.]+)"`, "g"))) {
          const key = `${namespace}.${call[1]}`;
          if (!(key in enFlat) && !Object.keys(enFlat).some((k) => k.startsWith(`${key}.`))) missing.push(`${file}: ${key}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it("picks the language from Accept-Language", () => {
    expect(localeFromAcceptLanguage("zh-CN,zh;q=0.9,en;q=0.8")).toBe("zh-CN");
    expect(localeFromAcceptLanguage("en-GB,en;q=0.9")).toBe("en");
    expect(localeFromAcceptLanguage("de-DE,zh-TW;q=0.5")).toBe("zh-CN");
    expect(localeFromAcceptLanguage("fr")).toBe("en");
    expect(localeFromAcceptLanguage(null)).toBe("en");
  });
});
