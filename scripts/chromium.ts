import { chromium, type Browser } from 'playwright-core';

/** Headless Debian Chromium as this machine runs it: no sandbox, no GPU, no background traffic. */
export const chromiumFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Without a GPU, headless Chromium paces frames by an emulated vsync the page cannot influence, so
 * "the next frame" mostly measures that clock. Uncapped, the next frame comes as soon as the page's
 * own work is done: the right setting to measure how long the app takes to answer an input.
 */
export const uncappedFrameFlags = ['--disable-gpu-vsync', '--disable-frame-rate-limit'];

export function launchChromium(extraFlags: readonly string[] = []): Promise<Browser> {
  // playwright-core gives every launch a fresh, empty profile of its own, and never downloads a browser.
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [...chromiumFlags, ...extraFlags],
  });
}
