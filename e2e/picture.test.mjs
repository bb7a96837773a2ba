// The picture as a reader meets it: step through the tutorial's makeCar with
// the keyboard and watch the Car outlive its frame; run fillBad to the end
// and read a million allocations off the counter. Timings are printed.
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

async function openPage(query, viewport = { width: 1280, height: 720 }) {
  const page = await browser.newPage({ viewport });
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(server.url + query);
  // Drawn: the first frame group is in the SVG.
  await page.waitForSelector("svg.picture [data-kind=frame]", { timeout: 20000 });
  return { page, errors };
}

/** What the picture shows now, read from the keyed SVG groups. */
async function picture(page) {
  return page.evaluate(() => {
    const all = (sel) => [...document.querySelectorAll(sel)];
    return {
      step: Number(document.querySelector("svg.picture").dataset.step),
      frames: all("[data-kind=frame]").map((f) => ({
        id: f.dataset.id,
        func: f.dataset.func,
        valid: f.dataset.valid === "true",
        slots: [...f.querySelectorAll("[data-kind=slot]")].map((s) => ({ id: s.dataset.id, name: s.dataset.name })),
      })),
      objects: all("[data-kind=heap-object]").map((o) => ({ id: o.dataset.id, type: o.dataset.type, state: o.dataset.state })),
      pointers: all("[data-kind=pointer]").map((p) => ({ from: p.dataset.from, to: p.dataset.to })),
      stepCount: document.querySelector(".step-count")?.textContent,
    };
  });
}

test("share_up: after makeCar returns, carPtr in main points at the Car on the heap", async () => {
  const { page, errors } = await openPage("?example=share_up");
  let seen;
  let returned = false;
  for (let i = 0; i < 400 && !returned; i++) {
    seen = await picture(page);
    const make = seen.frames.find((f) => f.func === "main.makeCar");
    const hadRun = seen.frames.length > 0;
    // makeCar has returned once the Car exists and makeCar's frame is gone or invalid.
    returned = hadRun && seen.objects.some((o) => /Car$/.test(o.type)) && (!make || !make.valid);
    if (!returned) {
      const before = seen.step;
      await page.keyboard.press("ArrowRight");
      await page.waitForFunction((s) => Number(document.querySelector("svg.picture").dataset.step) !== s, before, { timeout: 2000 }).catch(() => {});
    }
  }
  assert.ok(returned, `makeCar never returned: ${JSON.stringify(seen)}`);
  const car = seen.objects.find((o) => /Car$/.test(o.type));
  assert.ok(car, "a heap object of type Car");
  const main = seen.frames.find((f) => f.func === "main.main" && f.valid);
  assert.ok(main, "main's frame is live");
  const carPtr = main.slots.find((s) => s.name === "carPtr");
  assert.ok(carPtr, "carPtr is in main's frame");
  assert.ok(
    seen.pointers.some((p) => p.from === carPtr.id && p.to === car.id),
    `carPtr points at the Car: ${JSON.stringify(seen.pointers)}`,
  );
  const make = seen.frames.find((f) => f.func === "main.makeCar");
  assert.ok(!make || !make.valid, "makeCar's frame is gone or invalid");
  await page.waitForTimeout(500); // let the transitions settle for the screenshot
  await screenshot(page, "share-up-returned");
  assert.deepEqual(errors, []);
  await page.close();
});

test("fill_bad: the allocation counter reaches 1,000,000 at the end", async () => {
  const { page, errors } = await openPage("?example=fill_bad");
  // The first picture is a preview of the first steps; the million calls
  // run after it is drawn, and then the whole run replaces it.
  const drawnAt = await page.evaluate(() => Number(document.documentElement.dataset.firstPictureMs));
  console.log(`fill_bad first picture: ${drawnAt} ms after navigation start`);
  assert.ok(drawnAt > 0, "the page notes when its first picture was drawn");
  await page.waitForFunction(() => !document.querySelector(".preview-note"), null, { timeout: 30000 });
  console.log(`fill_bad whole run drawn: ${(await page.evaluate(() => performance.now())).toFixed(0)} ms after navigation start`);
  // Inside the hot loop's summary, the first collections get steps of their
  // own: the collector is seen sweeping the buffers nothing points to.
  await page.getByRole("button", { name: "next GC" }).click();
  await page.waitForSelector("svg.picture [data-kind=gc-phase]", { timeout: 5000 });
  const phase = await page.locator("svg.picture [data-kind=gc-phase]").textContent();
  assert.match(phase, /GC #1/);
  await page.waitForTimeout(400);
  await screenshot(page, "fill-bad-gc");
  await page.keyboard.press("End");
  const counter = page.locator("[data-counter=heap-allocs] .counter-value");
  await page.waitForFunction(
    () => document.querySelector("[data-counter=heap-allocs] .counter-value")?.textContent === "1,000,000",
    null,
    { timeout: 5000 },
  ).catch(() => {});
  assert.equal(await counter.textContent(), "1,000,000");
  await page.waitForTimeout(400);
  await screenshot(page, "fill-bad-end");
  assert.deepEqual(errors, []);
  await page.close();
});

test("timings: first picture, and one step with at least 50 live heap objects", async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(server.url + "?example=linked_list");
  await page.waitForFunction(() => document.querySelector("svg.picture [data-kind=frame]"), null, { polling: "raf", timeout: 20000 });
  const firstPicture = await page.evaluate(() => Number(document.documentElement.dataset.firstPictureMs));
  console.log(`first picture: ${firstPicture.toFixed(0)} ms after navigation start`);

  // Find a step with ≥ 50 live heap objects: go to the end, then back.
  await page.keyboard.press("End");
  await page.waitForTimeout(300);
  const live = await page.locator("[data-kind=heap-object][data-state=live], [data-kind=heap-object][data-state=marked]").count();
  assert.ok(live >= 50, `only ${live} live heap objects drawn`);
  const timing = await page.evaluate(async () => {
    const svg = () => document.querySelector("svg.picture");
    const step = async (key) => {
      const before = svg().dataset.step;
      const t0 = performance.now();
      document.dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true }));
      // Yew renders in a microtask; wait until the new step is in the DOM.
      while (svg().dataset.step === before) await Promise.resolve();
      const rendered = performance.now() - t0;
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      return { rendered, toFrame: performance.now() - t0 };
    };
    const samples = [];
    for (let i = 0; i < 15; i++) samples.push(await step(i % 2 ? "ArrowRight" : "ArrowLeft"));
    return samples;
  });
  const worst = Math.max(...timing.map((t) => t.rendered));
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(
    `one step with ${live} live heap objects (15 steps): render median ${median(timing.map((t) => t.rendered)).toFixed(1)} ms, ` +
      `max ${worst.toFixed(1)} ms; to the next painted frame median ${median(timing.map((t) => t.toFrame)).toFixed(1)} ms ` +
      `[${timing.map((t) => t.rendered.toFixed(1)).join(", ")}]`,
  );
  await screenshot(page, "linked-list");
  assert.ok(firstPicture < 5000, `first picture took ${firstPicture} ms`);
  assert.ok(worst < 100, `a step took ${worst} ms`);
  await page.close();
});

test("the tutorial's share_down listing: Go's error, explained, and fixed in one click", async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(server.url + "?example=share_down_tutorial");
  const diagnostic = page.locator(".diagnostic").first();
  await diagnostic.waitFor();
  assert.match(await diagnostic.textContent(), /"fmt" imported and not used/);
  assert.equal(await diagnostic.getAttribute("data-line"), "3");
  await screenshot(page, "share-down-error");
  await page.locator(".fix-button").click();
  await page.waitForSelector("svg.picture [data-kind=frame]", { timeout: 10000 });
  assert.doesNotMatch(await page.inputValue("textarea.code-input"), /fmt/);
  assert.equal(await page.locator(".diagnostic").count(), 0);
  await page.close();
});

test("while the code is broken, the last good picture stays up", async () => {
  const { page } = await openPage("?example=share_up");
  await page.keyboard.press("ArrowRight");
  const area = page.locator("textarea.code-input");
  await area.click();
  await page.keyboard.press("Control+End");
  await page.keyboard.type("\nfunc broken( {\n");
  await page.locator(".diagnostic").first().waitFor();
  await page.locator(".stale-note").waitFor({ timeout: 5000 });
  assert.ok((await page.locator("svg.picture [data-kind=frame]").count()) > 0, "the picture is still drawn");
  await screenshot(page, "broken-keeps-picture");
  await page.close();
});

test("the compare view shows fillBad and fill side by side", async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(server.url + "?compare=fill_bad,fill");
  await page.waitForSelector(".compare-side[data-example=fill]");
  const sides = await page.locator(".compare-side").evaluateAll((els) => els.map((e) => e.dataset.example));
  assert.deepEqual(sides, ["fill_bad", "fill"]);
  await screenshot(page, "compare");
  await page.close();
});

test("the picture fits a 390-pixel-wide phone", async () => {
  const { page } = await openPage("?example=share_up", { width: 390, height: 844 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the phone`);
  for (let i = 0; i < 6; i++) await page.keyboard.press("ArrowRight");
  await page.waitForTimeout(400);
  await screenshot(page, "phone-picture");
  await page.close();
});

test("large_array: calling sum grows main's stack, and the picture says so", async () => {
  const { page, errors } = await openPage("?example=large_array");
  const note = page.locator("svg.picture [data-kind=stack-growth]");
  for (let i = 0; i < 10 && (await note.count()) === 0; i++) {
    await page.keyboard.press("ArrowRight");
    await page.waitForTimeout(50);
  }
  assert.match(await note.textContent(), /stack copied: 2,048 B → 16,384 B/);
  await page.waitForTimeout(400);
  await screenshot(page, "large-array-stack-growth");
  assert.deepEqual(errors, []);
  await page.close();
});

test("append_return: the slice grows in collect's frame and reaches the heap once, at the return", async () => {
  const { page, errors } = await openPage("?example=append_return");
  // Step until collect's frame holds the append buffer with all three
  // elements, before the return moves them.
  let sawBuffer = false;
  for (let i = 0; i < 60 && !sawBuffer; i++) {
    const seen = await picture(page);
    const collect = seen.frames.find((f) => f.func === "main.collect" && f.valid);
    sawBuffer = !!collect && collect.slots.some((s) => s.name === "append buffer") && seen.objects.length === 0;
    if (!sawBuffer) {
      await page.keyboard.press("ArrowRight");
      await page.waitForTimeout(20);
    }
  }
  assert.ok(sawBuffer, "collect's frame shows the append buffer while the heap is still empty");
  await screenshot(page, "append-return-buffer");
  // The real runtime (testing.AllocsPerRun, -gcflags=-l) allocates once for
  // collect(3) and twice for collect(10).
  await page.keyboard.press("End");
  await page.waitForFunction(
    () => document.querySelector("[data-counter=heap-allocs] .counter-value")?.textContent === "3",
    null,
    { timeout: 5000 },
  ).catch(() => {});
  assert.equal(await page.locator("[data-counter=heap-allocs] .counter-value").textContent(), "3");
  await page.waitForTimeout(300);
  await screenshot(page, "append-return-end");
  assert.deepEqual(errors, []);
  await page.close();
});

test("generic_stack: the gutter names the shaped bodies gc compiles", async () => {
  const { page, errors } = await openPage("?example=generic_stack");
  // gc's verdicts on the Println line name the shaped method and the
  // dictionary of each instance.
  const label = await page.locator(".gutter-line[data-line='38'] .verdict").getAttribute("aria-label");
  assert.match(label, /\(\*Stack\[go\.shape\.int\]\)\.Pop\(ids, &\.dict\.Stack\[main\.ID\]\) escapes to heap/);
  await screenshot(page, "generic-stack");
  assert.deepEqual(errors, []);
  await page.close();
});
