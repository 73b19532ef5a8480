// Stands in for WXT's ContentScriptContext in the content script's build (wxt.config.ts): the
// script never uses it, and its lifetime comes from script-lifetime.ts instead.
export class ContentScriptContext {}
