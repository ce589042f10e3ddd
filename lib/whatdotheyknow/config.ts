import "server-only";
import { env } from "@/lib/env";

export const DEFAULT_WDTK_BASE_URL = "https://www.whatdotheyknow.com";

/** The Alaveteli site addresses are read against (WDTK_BASE_URL; WhatDoTheyKnow's when following is off). */
export function siteBaseUrl(): string {
  const base = env().WDTK_BASE_URL;
  return base === "off" ? DEFAULT_WDTK_BASE_URL : base;
}

/** Following (the daily check and the buttons) is on unless WDTK_BASE_URL=off. */
export function isFollowingEnabled(): boolean {
  return env().WDTK_BASE_URL !== "off";
}

/** The contact address the app gives the site in its User-Agent. */
export function contactAddress(): string {
  const e = env();
  if (e.WDTK_CONTACT) return e.WDTK_CONTACT;
  const inBrackets = /<([^>]+)>/.exec(e.MAIL_FROM);
  return (inBrackets ? inBrackets[1] : e.MAIL_FROM).trim();
}
