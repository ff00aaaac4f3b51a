"use client";
import { createAuthClient } from "better-auth/react";

/** The browser side of sign-in and sign-out; it talks to /api/auth (lib/auth/auth.ts). */
export const authClient = createAuthClient();
