// Syntax highlighting for code blocks in rendered answers. Only the languages the bank uses are loaded.
import hljs from "highlight.js/lib/core";
import bash from "highlight.js/lib/languages/bash";
import json from "highlight.js/lib/languages/json";
import python from "highlight.js/lib/languages/python";
import yaml from "highlight.js/lib/languages/yaml";
import ini from "highlight.js/lib/languages/ini";
import dockerfile from "highlight.js/lib/languages/dockerfile";

hljs.registerLanguage("bash", bash);
hljs.registerLanguage("json", json);
hljs.registerLanguage("python", python);
hljs.registerLanguage("yaml", yaml);
hljs.registerLanguage("ini", ini);
hljs.registerLanguage("dockerfile", dockerfile);
// HCL and TOML read well with the INI grammar (key = value, [blocks], strings, comments).
hljs.registerAliases(["hcl", "terraform", "toml"], { languageName: "ini" });
hljs.registerAliases(["sh", "shell", "console"], { languageName: "bash" });

/** Svelte action: highlights every fenced block inside the node after the HTML is set. */
export function highlightCode(node: HTMLElement, _html: string) {
  const run = () => {
    for (const block of node.querySelectorAll<HTMLElement>("pre code[class*='language-']")) {
      const lang = [...block.classList].find((c) => c.startsWith("language-"))?.slice(9);
      if (lang && hljs.getLanguage(lang)) hljs.highlightElement(block);
    }
  };
  run();
  return { update: run };
}
