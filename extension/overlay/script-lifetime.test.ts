// @vitest-environment happy-dom
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { startScriptLifetime } from './script-lifetime';

type View = Window & typeof globalThis;
beforeEach(() => {
  vi.useFakeTimers();
  history.replaceState(null, '', '/crm/c1');
});
afterEach(() => {
  vi.useRealTimers();
  delete (window as { navigation?: unknown }).navigation;
  delete (window as { lingtingStop?: unknown }).lingtingStop;
});

test('a newer copy of the script in the frame stops the one running', () => {
  const first = startScriptLifetime(window, () => true);
  const second = startScriptLifetime(window, () => true);
  expect(first.signal.aborted).toBe(true);
  expect(second.signal.aborted).toBe(false);
});

test('a copy whose extension is gone stops at the next check, and hears nothing more', () => {
  let alive = true;
  const lifetime = startScriptLifetime(window, () => alive);
  const navigated = vi.fn();
  lifetime.onNavigate(navigated);
  vi.advanceTimersByTime(1000);
  expect(lifetime.signal.aborted).toBe(false);
  alive = false;
  history.pushState(null, '', '/crm/c2');
  vi.advanceTimersByTime(1000);
  expect(lifetime.signal.aborted).toBe(true);
  expect(navigated).not.toHaveBeenCalled();
});

test('without the Navigation API, a pushState is heard within a second, once', () => {
  const lifetime = startScriptLifetime(window, () => true);
  const navigated = vi.fn();
  lifetime.onNavigate(navigated);
  history.pushState(null, '', '/crm/c2');
  vi.advanceTimersByTime(999);
  expect(navigated).not.toHaveBeenCalled();
  vi.advanceTimersByTime(1);
  vi.advanceTimersByTime(3000);
  expect(navigated).toHaveBeenCalledTimes(1);
});

test('with the Navigation API, a navigation is heard at once and the address is not polled', () => {
  const navigation = new EventTarget();
  (window as { navigation?: EventTarget }).navigation = navigation;
  const lifetime = startScriptLifetime(window as View, () => true);
  const navigated = vi.fn();
  lifetime.onNavigate(navigated);
  history.pushState(null, '', '/crm/c2');
  vi.advanceTimersByTime(5000);
  expect(navigated).not.toHaveBeenCalled();
  navigation.dispatchEvent(new Event('currententrychange'));
  expect(navigated).toHaveBeenCalledTimes(1);
  // An entry change that leaves the address as it was (a state update) is not a navigation.
  navigation.dispatchEvent(new Event('currententrychange'));
  expect(navigated).toHaveBeenCalledTimes(1);
});
