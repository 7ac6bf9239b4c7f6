//! `gmg export FILE.html`: one page that holds every record with its quote, each quote
//! linked to its paragraph of the report, every link resolving, nothing fetched, and data
//! that cannot become markup. The page is read as a browser builds it: its file with
//! Python's HTML parser, and the DOM headless Chromium builds from it (with the page's own
//! script run), and laid out as a 1280-pixel desktop and a 390-pixel phone (through
//! Chromium's DevTools protocol). Each check skips, saying so, where python3, chromium or
//! websocket-client is missing.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{fails, fixture, gmg, json, stdout, COLLECTIONS};
use serde_json::Value;

/// What a page holds, as Python's HTML parser reads it: every id, every local and outside
/// reference, the scripts, event-handler attributes, the column heads of the records tables, each records table's rows (with each
/// row's quote links), each paragraph with its "quoted by" links, the title, the filter
/// boxes and sort buttons the script adds, the chart's bars, and the whole text.
const SUMMARY: &str = r##"
import json, sys
from html.parser import HTMLParser

class Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids, self.hrefs, self.outside, self.handlers = [], [], [], []
        self.scripts = self.filters = self.buttons = self.heads = 0
        self.tables, self.paras, self.stack, self.text = [], [], [], []
        self.row = self.para = None
        self.title = None
        self.bars = []
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        if tag not in ("meta", "br", "input", "img", "link", "rect", "line", "path"):
            self.stack.append((tag, classes))
        if "id" in a: self.ids.append(a["id"])
        for name, value in attrs:
            if name.startswith("on"): self.handlers.append(tag + " " + name)
            if name in ("src", "srcset", "action", "formaction", "poster", "data"): self.outside.append(value)
            if name in ("href", "xlink:href"):
                if (value or "").startswith("#"): self.hrefs.append(value[1:])
                else: self.outside.append(value)
        if tag == "script": self.scripts += 1
        if tag == "rect" and "data-month" in a:
            self.bars.append([a["data-month"], a["data-series"], a["data-count"]])
        if tag == "div" and "filter" in classes: self.filters += 1
        if tag == "button": self.buttons += 1
        if tag == "th" and self.in_class("records"): self.heads += 1
        if tag == "table" and "records" in classes:
            self.tables.append({"plural": a.get("data-plural"), "rows": []})
        if tag == "tr" and self.tables and a.get("id") and self.in_tag("tbody"):
            self.row = {"id": a["id"], "cites": [], "links": [], "hidden": "hidden" in a, "sort": []}
            self.tables[-1]["rows"].append(self.row)
        if tag == "a" and self.row is not None:
            if "cite" in classes: self.row["cites"].append(a["href"][1:])
            elif self.in_class("links"): self.row["links"].append(a["href"][1:])
        if tag == "td" and self.row is not None: self.row["sort"].append(a.get("data-sort"))
        if "para" in classes:
            self.para = {"id": a["id"], "by": []}
            self.paras.append(self.para)
        if tag == "a" and self.para is not None and self.in_class("by"):
            self.para["by"].append(a["href"][1:])
        if tag == "title" and self.title is None: self.title = ""
    def in_tag(self, name): return any(t == name for t, _ in self.stack)
    def in_class(self, name): return any(name in c for _, c in self.stack)
    def handle_endtag(self, tag):
        while self.stack:
            t, _ = self.stack.pop()
            if t == tag: break
        if tag == "tr": self.row = None
        if tag in ("p", "h3"): self.para = None
    def handle_data(self, data):
        if self.stack and self.stack[-1][0] == "title" and self.title == "": self.title = data
        if not self.in_tag("script") and not self.in_tag("style"): self.text.append(data)

page = Page()
page.feed(open(sys.argv[1], encoding="utf-8").read())
print(json.dumps({"ids": page.ids, "hrefs": page.hrefs, "outside": page.outside,
    "handlers": page.handlers, "scripts": page.scripts, "filters": page.filters,
    "buttons": page.buttons, "heads": page.heads, "tables": page.tables, "paras": page.paras, "bars": page.bars,
    "title": page.title, "text": " ".join(page.text)}))
"##;

fn python() -> bool {
    common::available("python3", "python3", &["--version"])
}

/// The browser, where there is one.
fn chromium() -> Option<PathBuf> {
    let found = ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .find_map(|name| {
            let out = Command::new("sh")
                .args(["-c", &format!("command -v {name}")])
                .output()
                .ok()?;
            let path = String::from_utf8(out.stdout).ok()?;
            (out.status.success() && !path.trim().is_empty()).then(|| PathBuf::from(path.trim()))
        });
    if found.is_none() {
        eprintln!("skipped: chromium is not installed (apt-get install chromium)");
    }
    found
}

/// The summary of the HTML file at `path` (see [`SUMMARY`]).
fn summary(path: &Path) -> Value {
    let out = common::run_program(Command::new("python3").args(["-c", SUMMARY]).arg(path));
    serde_json::from_slice(&out).expect("the summary is JSON")
}

/// The DOM headless Chromium builds from the page, its script run, summarised.
fn dom(browser: &Path, page: &Path) -> Value {
    let profile = tempfile::tempdir().unwrap();
    let dumped = common::run_program(
        Command::new(browser)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--dump-dom",
            ])
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .arg(format!("file://{}", page.display())),
    );
    let file = profile.path().join("dom.html");
    std::fs::write(&file, dumped).unwrap();
    summary(&file)
}

/// `gmg export` of a page into `dir`, with `args` after it.
fn export(dir: &Path, args: &[&str]) -> PathBuf {
    let path = dir.join("gmg.html");
    gmg().arg("export").arg(&path).args(args).assert().success();
    path
}

/// The anchor of a record's row: `r-` and its id, bytes other than ASCII letters, digits,
/// `-` and `.` written `_XX`.
fn anchor(id: &str) -> String {
    let mut out = String::from("r-");
    for b in id.bytes() {
        if b.is_ascii_alphanumeric() || b == b'-' || b == b'.' {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("_{b:02X}"));
        }
    }
    out
}

fn strings(value: &Value) -> Vec<String> {
    value
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect()
}

/// Every collection has its table, a row per record in the listing's order, each row
/// anchored by its id; every local link resolves; nothing comes from outside the file.
fn assert_holds_the_dataset(page: &Value) {
    let tables = page["tables"].as_array().unwrap();
    assert_eq!(tables.len(), COLLECTIONS.len());
    for (table, command) in tables.iter().zip(COLLECTIONS) {
        // A member's key is its acronym.
        let key = if command == "members" {
            "acronym"
        } else {
            "id"
        };
        let records = json(&[command]);
        let expected: Vec<String> = records
            .as_array()
            .unwrap()
            .iter()
            .map(|r| anchor(r[key].as_str().unwrap()))
            .collect();
        let rows: Vec<&str> = table["rows"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["id"].as_str().unwrap())
            .collect();
        assert_eq!(rows, expected, "{command}");
    }
    let ids = strings(&page["ids"]);
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), ids.len(), "ids are unique");
    for href in strings(&page["hrefs"]) {
        assert!(ids.contains(&href), "#{href} resolves to nothing");
    }
    assert_eq!(
        page["outside"],
        serde_json::json!([]),
        "nothing from outside"
    );
    assert_eq!(page["handlers"], serde_json::json!([]), "no event handlers");
}

#[test]
fn the_page_holds_every_record_each_quote_linked_to_its_paragraph() {
    if !python() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let page = summary(&export(dir.path(), &[]));
    assert_holds_the_dataset(&page);
    assert_eq!(page["scripts"], 1);
    assert_eq!(
        page["title"],
        "Chair's Report to the Global Migration Group 2016 (UN Women): the facts, with their quotes"
    );

    // The chart counts what `gmg timeline -f csv` counts.
    let (header, months) = common::parse_delimited(&stdout(&["timeline", "-f", "csv"]), b',');
    assert_eq!(header, ["month", "events", "statements"]);
    let expected: Vec<Vec<String>> = months
        .iter()
        .flat_map(|m| {
            [
                vec![m[0].clone(), "events".to_string(), m[1].clone()],
                vec![m[0].clone(), "statements".to_string(), m[2].clone()],
            ]
        })
        .collect();
    let bars: Vec<Vec<String>> = page["bars"]
        .as_array()
        .unwrap()
        .iter()
        .map(strings)
        .collect();
    assert_eq!(bars, expected);

    // A paragraph per paragraph of `gmg read`, anchored by its number.
    let read = json(&["read"]);
    let numbers: Vec<String> = read
        .as_array()
        .unwrap()
        .iter()
        .map(|p| format!("p{}", p["number"]))
        .collect();
    let paras = page["paras"].as_array().unwrap();
    let ids: Vec<String> = paras
        .iter()
        .map(|p| p["id"].as_str().unwrap().into())
        .collect();
    assert_eq!(ids, numbers);

    // Every quote of every record links to a paragraph that lists the record among those
    // that quote it, and every paragraph's list links back to a record that cites it.
    let by: std::collections::HashMap<String, Vec<String>> = paras
        .iter()
        .map(|p| (p["id"].as_str().unwrap().into(), strings(&p["by"])))
        .collect();
    let mut cited = 0;
    for table in page["tables"].as_array().unwrap() {
        for row in table["rows"].as_array().unwrap() {
            let id = row["id"].as_str().unwrap().to_string();
            let cites = strings(&row["cites"]);
            assert!(!cites.is_empty(), "{id} links to no paragraph");
            for cite in &cites {
                assert!(by[cite].contains(&id), "{cite} does not list {id}");
            }
            cited += cites.len();
        }
    }
    for (para, records) in &by {
        for record in records {
            let row = page["tables"]
                .as_array()
                .unwrap()
                .iter()
                .flat_map(|t| t["rows"].as_array().unwrap())
                .find(|r| r["id"] == record.as_str())
                .unwrap_or_else(|| panic!("{para} lists {record}, which has no row"));
            assert!(strings(&row["cites"]).contains(para), "{record} {para}");
        }
    }
    assert!(cited > 255, "{cited}");

    // A statement's row links to the event it was delivered at, as `gmg show` does.
    let s12 = page["tables"][1]["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "r-s12")
        .unwrap();
    let links: Vec<String> = json(&["show", "s12"])["links"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| anchor(l["id"].as_str().unwrap()))
        .collect();
    assert_eq!(strings(&s12["links"]), links);
    assert!(links.contains(&"r-un-summit-2016-09-19".to_string()));
}

#[test]
fn the_page_in_a_browser_at_desktop_and_phone_width() {
    let Some(browser) = python().then(chromium).flatten() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let path = export(dir.path(), &[]);
    let file = summary(&path);
    let page = dom(&browser, &path);
    assert_holds_the_dataset(&page);
    // The page's own script ran (its hash is in the policy): a filter box per table and a
    // sort button per column head.
    assert_eq!(page["filters"], 10);
    assert_eq!(page["buttons"], file["heads"]);
    assert_eq!(file["buttons"], 0);
    assert_eq!(file["filters"], 0);
    assert_eq!(page["paras"], file["paras"]);

    // Laid out at a desktop's width and a phone's, as the device would: nothing runs off
    // to the side, a phone shows each record as a card, and the screenshot is that wide.
    if !common::available(
        "python3 with websocket-client (pip install websocket-client)",
        "python3",
        &["-c", "import websocket"],
    ) {
        return;
    }
    for (width, cell) in [(1280, "table-cell"), (390, "block")] {
        let shot = dir.path().join(format!("{width}.png"));
        let seen = device(&browser, &path, width, &shot);
        assert_eq!(
            seen,
            serde_json::json!({"width": width, "scroll": width, "cell": cell, "filters": 10})
        );
        let png = std::fs::read(&shot).unwrap();
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
        // The image's width, from its header.
        assert_eq!(u32::from_be_bytes(png[16..20].try_into().unwrap()), width);
    }
}

/// Opens a page in headless Chromium as a device `width` pixels wide (through the DevTools
/// protocol: a window is never laid out narrower than 500), waits for it to load, and
/// reports its width, how wide its content is, how a records table's cell is displayed and
/// how many filter boxes the script added; the screenshot goes to SHOT.
const DEVICE: &str = r##"
import base64, json, subprocess, sys, tempfile, urllib.request, re, time
import websocket
browser, page, width, height, shot = sys.argv[1], sys.argv[2], int(sys.argv[3]), 900, sys.argv[4]
profile = tempfile.mkdtemp()
proc = subprocess.Popen([browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--hide-scrollbars", "--user-data-dir=" + profile, "--remote-debugging-port=0", "about:blank"],
    stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
try:
    port = None
    for line in proc.stderr:
        found = re.search(r"DevTools listening on ws://[^:]+:(\d+)/", line)
        if found:
            port = found.group(1)
            break
    targets = json.load(urllib.request.urlopen("http://127.0.0.1:%s/json" % port))
    target = next(t for t in targets if t["type"] == "page")
    ws = websocket.create_connection(target["webSocketDebuggerUrl"], timeout=60)
    ids = iter(range(1, 10**6))
    def send(method, **params):
        i = next(ids)
        ws.send(json.dumps({"id": i, "method": method, "params": params}))
        while True:
            message = json.loads(ws.recv())
            if message.get("id") == i:
                return message.get("result", {})
            if message.get("method") == "Page.loadEventFired":
                send.loaded = True
    send.loaded = False
    send("Page.enable")
    send("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1, mobile=width < 700)
    send("Page.navigate", url=page)
    while not send.loaded:
        message = json.loads(ws.recv())
        if message.get("method") == "Page.loadEventFired":
            send.loaded = True
    probe = """JSON.stringify({width: document.documentElement.clientWidth,
        scroll: document.documentElement.scrollWidth,
        cell: getComputedStyle(document.querySelector('table.records td')).display,
        filters: document.querySelectorAll('div.filter').length})"""
    result = send("Runtime.evaluate", expression=probe, returnByValue=True)
    data = send("Page.captureScreenshot", format="png")
    open(shot, "wb").write(base64.b64decode(data["data"]))
    print(result["result"]["value"])
finally:
    proc.kill()
"##;

fn device(browser: &Path, page: &Path, width: u32, shot: &Path) -> Value {
    let out = common::run_program(
        Command::new("python3")
            .args(["-c", DEVICE])
            .arg(browser)
            .arg(format!("file://{}", page.display()))
            .arg(width.to_string())
            .arg(shot),
    );
    serde_json::from_slice(&out).expect("the probe prints JSON")
}

#[test]
fn the_script_sorts_and_filters_the_rows() {
    let Some(browser) = python().then(chromium).flatten() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let path = export(dir.path(), &[]);
    // A copy that, once loaded, clicks the statements' "start" head twice (descending) and
    // types an id into the events' filter box, as a reader would. The copy drops the
    // policy, which would refuse this script.
    let page = std::fs::read_to_string(&path).unwrap();
    let start = page
        .find("<meta http-equiv=\"Content-Security-Policy\"")
        .unwrap();
    let end = start + page[start..].find('>').unwrap() + 1;
    let reader = r##"<script>window.addEventListener("load", function () {
  var head = document.querySelector("#statements thead th:nth-child(2) button");
  head.click(); head.click();
  var box = document.querySelector("#events .filter input");
  box.value = "msm-2016-04-25"; box.dispatchEvent(new Event("input"));
});</script></body>"##;
    let copy = dir.path().join("read.html");
    std::fs::write(
        &copy,
        format!("{}{}", &page[..start], &page[end..]).replace("</body>", reader),
    )
    .unwrap();
    let dom = dom(&browser, &copy);
    let tables = dom["tables"].as_array().unwrap();
    let statements = tables[1]["rows"].as_array().unwrap();
    let starts: Vec<&str> = statements
        .iter()
        .map(|r| r["sort"][1].as_str().unwrap())
        .collect();
    let mut descending = starts.clone();
    descending.sort_by(|a, b| b.cmp(a));
    assert_eq!(starts, descending);
    assert_eq!(starts.len(), 16);
    let shown: Vec<&str> = tables[0]["rows"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["hidden"] == false)
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    // The event, and the events whose rows name it (an event's row names the records that
    // link to it).
    assert!(shown.contains(&"r-msm-2016-04-25"), "{shown:?}");
    assert!(shown.len() < 5, "{shown:?}");
}

#[test]
fn strings_from_the_data_stay_text_in_the_browser() {
    if !python() {
        return;
    }
    let hostile = [
        r#"<script>document.title='pwned'</script>"#,
        r#"<img src=x onerror="document.title='pwned'">"#,
        r#"" onmouseover="alert(1)" x=""#,
        r#"javascript:alert(1)"#,
        r#"</textarea></style></table><a href="http://example.com/">out</a>"#,
    ];
    let small = std::fs::read_to_string(fixture("small.ron")).unwrap();
    let text = small
        .replacen(
            "title: \"Test report\"",
            &format!("title: {:?}", hostile[0]),
            1,
        )
        .replacen("id: \"retreat\"", &format!("id: {:?}", hostile[1]), 1)
        .replacen(
            "location: \"New York\"",
            &format!("location: {:?}", hostile[2]),
            1,
        )
        .replacen(
            "title: \"2016 IOM International Dialogue on Migration\"",
            &format!("title: {:?}", hostile[3]),
            1,
        )
        .replacen(
            "chair: \"UN Women\"",
            &format!("chair: {:?}", hostile[4]),
            1,
        );
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("hostile.ron");
    std::fs::write(&data, &text).unwrap();
    let data = data.display().to_string();
    // The dataset loads, with every hostile string in it.
    let events = stdout(&["events", "--data", &data, "-f", "json"]);
    for h in &hostile[1..4] {
        assert!(events.contains(&serde_json::to_string(h).unwrap()), "{h}");
    }
    let path = export(dir.path(), &["--data", &data]);
    let mut pages = vec![summary(&path)];
    if let Some(browser) = chromium() {
        pages.push(dom(&browser, &path));
    }
    for page in pages {
        assert_eq!(page["scripts"], 1);
        assert_eq!(page["handlers"], serde_json::json!([]));
        assert_eq!(page["outside"], serde_json::json!([]));
        let title = page["title"].as_str().unwrap();
        assert!(title.starts_with(hostile[0]), "{title}");
        let text = page["text"].as_str().unwrap();
        for h in hostile {
            assert!(text.contains(h), "{h} is not in the page's text");
        }
        // The row of the event whose id is markup is anchored, and its links resolve.
        let ids = strings(&page["ids"]);
        assert!(ids.contains(&anchor(hostile[1])));
        for href in strings(&page["hrefs"]) {
            assert!(ids.contains(&href), "#{href}");
        }
    }
}

#[test]
fn export_chooses_the_format_by_extension_and_refuses_what_it_cannot_write() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("gmg.csv").display().to_string();
    assert_eq!(
        fails(&["export", &csv], 2),
        format!("error: invalid value '{csv}' for '<FILE>': cannot tell what to write from the extension; use .sqlite (or .db), .xlsx or .html, or give --format (a listing writes .csv, .json or .md with -o)\n")
    );
    let xlsx = dir.path().join("gmg.xlsx").display().to_string();
    let meta = dir.path().join("m.json").display().to_string();
    assert_eq!(
        fails(&["export", &xlsx, "--metadata", &meta], 2),
        "error: '--metadata' describes a database for datasette, and this export is xlsx: leave out --metadata, or export a .sqlite file\n"
    );
    assert!(std::fs::read_dir(dir.path()).unwrap().next().is_none());

    // The extension chooses; --format overrides it.
    let html = stdout(&["export", "-", "-f", "html"]);
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">\n"));
    assert!(html.ends_with("</html>\n"));
    let page = dir.path().join("page.HTM");
    stdout(&["export", page.to_str().unwrap()]);
    assert_eq!(std::fs::read_to_string(&page).unwrap(), html);
    // A name that is all extension is that format too.
    let dotted = dir.path().join(".html");
    stdout(&["export", dotted.to_str().unwrap()]);
    assert_eq!(std::fs::read_to_string(&dotted).unwrap(), html);
    let book = dir.path().join("book");
    stdout(&["export", book.to_str().unwrap(), "-f", "xlsx"]);
    assert!(std::fs::read(&book).unwrap().starts_with(b"PK\x03\x04"));
}

#[test]
fn a_failed_export_leaves_the_file_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["gmg.html", "gmg.xlsx"] {
        let path = dir.path().join(name);
        std::fs::write(&path, "before").unwrap();
        let missing = dir.path().join("missing.ron").display().to_string();
        let stderr = fails(&["export", path.to_str().unwrap(), "--data", &missing], 1);
        assert!(stderr.starts_with("error: cannot read "), "{stderr}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "before");
    }
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
}
