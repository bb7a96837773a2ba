// The editor as a reader meets it: the makeCar program highlighted from the
// parse, a syntax error underlined at its line as soon as it is typed, and
// an endless loop stopped at the step budget.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serveDist, launchBrowser, screenshot } from "./harness.mjs";

let server;
let browser;

before(async () => {
  server = await serveDist();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function openPage(query = "", viewport = { width: 1280, height: 720 }) {
  const page = await browser.newPage({ viewport });
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(server.url + query);
  await page.waitForSelector("textarea.code-input");
  return { page, errors };
}

/** Empties the editor the way a reader would; resolves to the textarea. */
async function clearEditor(page) {
  const area = page.locator("textarea.code-input");
  await area.click();
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Delete");
  return area;
}

test("the makeCar program is shown highlighted from its syntax tree", async () => {
  const { page, errors } = await openPage("?example=share_up");
  const source = await page.inputValue("textarea.code-input");
  assert.match(source, /func makeCar\(b, m string\) \*Car \{/);
  const keywords = await page.locator(".highlight .tok-keyword").allTextContents();
  assert.deepEqual(keywords.slice(0, 4), ["package", "import", "type", "struct"]);
  assert.ok((await page.locator(".highlight .tok-function").allTextContents()).includes("makeCar"));
  assert.equal(await page.locator(".diagnostic").count(), 0);
  await screenshot(page, "share-up-highlighted");
  assert.deepEqual(errors, []);
  await page.close();
});

test("a syntax error typed into the editor is shown at its line", async () => {
  const { page, errors } = await openPage();
  const area = await clearEditor(page);
  // Line 5 is left unfinished: Go reports the `}` on line 6.
  const program = "package main\n\nfunc main() {\n\tx := 1\n\t_ = x +\n}\n";
  await page.keyboard.type(program);
  assert.equal(await area.inputValue(), program);

  const diagnostic = page.locator(".diagnostic").first();
  await diagnostic.waitFor();
  assert.equal(await diagnostic.getAttribute("data-line"), "6");
  assert.equal(await diagnostic.getAttribute("data-col"), "1");
  assert.match(await diagnostic.textContent(), /syntax error: unexpected }, expected expression/);
  assert.equal(await page.locator(".gutter-line.has-error").getAttribute("data-line"), "6");
  assert.equal(await page.locator(".highlight .syntax-error").count() > 0, true);
  await screenshot(page, "syntax-error");

  // Fixing line 5 clears the error (the caret is on the empty line 7).
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("End");
  await page.keyboard.type(" 1");
  await page.locator(".status.ok").waitFor({ timeout: 5000 });
  assert.equal(await page.locator(".diagnostic").count(), 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test("the page fits a 390-pixel-wide phone", async () => {
  const { page } = await openPage("", { width: 390, height: 844 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the phone`);
  await screenshot(page, "phone");
  await page.close();
});

test("an endless loop typed into the editor is stopped at the step budget, its steps explorable", async () => {
  const { page, errors } = await openPage();
  const area = await clearEditor(page);
  await area.fill("package main\n\nfunc main() {\n\tn := 0\n\tfor {\n\t\tn++\n\t}\n}\n");
  // The preview is drawn first, then the whole (budget-limited) run.
  await page.locator(".preview-note").waitFor({ timeout: 20000 });
  await page.waitForFunction(() => !document.querySelector(".preview-note"), null, { timeout: 60000 });
  await area.evaluate((e) => e.blur());
  await page.keyboard.press("End");
  const outcome = page.locator(".outcome[data-outcome=step-limit]");
  await outcome.waitFor({ timeout: 5000 });
  assert.match(await outcome.textContent(), /stopped the program after 10,000,000 steps/);
  // The example's title gives way: this is the reader's own program now.
  assert.match(await page.locator(".code-pane h2").textContent(), /^Your version of: /);
  await screenshot(page, "endless-loop");
  assert.deepEqual(errors, []);
  await page.close();
});

test("a runaway recursion ends in Go's stack overflow, its deep stack drawn top and bottom", async () => {
  const { page, errors } = await openPage();
  const area = await clearEditor(page);
  await area.fill("package main\n\nfunc f(n int) int {\n\treturn f(n+1) + 1\n}\n\nfunc main() {\n\tprintln(f(0))\n}\n");
  await area.evaluate((e) => e.blur());
  // Jump to the end until the new program's run is there.
  const outcome = page.locator(".outcome[data-outcome=panicked]");
  for (let i = 0; i < 60 && (await outcome.count()) === 0; i++) {
    await page.waitForTimeout(500);
    await page.keyboard.press("End");
  }
  assert.match(await outcome.textContent(), /goroutine stack exceeds 1000000000-byte limit/);
  assert.match(await outcome.textContent(), /fatal error: stack overflow/);
  assert.match(await page.locator("svg.picture .g-detail").first().textContent(), /frames, [0-9,]+ not drawn/);
  await screenshot(page, "runaway-recursion");
  assert.deepEqual(errors, []);
  await page.close();
});
