import { test } from "node:test";
import assert from "node:assert/strict";
import { downloadExec } from "../../../scripts/lint/rules/download-exec.ts";
import { lintText, oneJob, where } from "../lint-text.ts";

/** One job whose steps run the given scripts, one step each. */
function steps(...runs: string[]): string {
  return oneJob(runs.map((r) => `      - run: |\n${r.split("\n").map((l) => `          ${l}`).join("\n")}\n`).join(""));
}

test("curl or wget piped into a shell or interpreter is reported", () => {
  const text = steps(
    "curl -sSfL https://raw.githubusercontent.com/anchore/syft/main/install.sh | sh -s -- -b /usr/local/bin",
    "wget -qO- https://example.com/setup | sudo bash",
    "curl -fsSL https://example.com/x.py \\\n  | python3 -",
  );
  const findings = lintText(text, [downloadExec]);
  assert.deepEqual(where(findings), ["download-exec@jobs.build.steps[0].run", "download-exec@jobs.build.steps[1].run", "download-exec@jobs.build.steps[2].run"]);
  assert.match(findings[0]?.message ?? "", /pipes "curl" from "https:\/\/raw\.githubusercontent\.com\/anchore\/syft\/main\/install\.sh" into "sh".*pinned/);
  assert.match(findings[1]?.message ?? "", /"wget" from ".*" into "bash"/);
});

test("a download fed to a shell through $( ) or <( ), or saved and then run, is reported", () => {
  const text = steps(
    'sh -c "$(curl -fsSL https://example.com/install.sh)"',
    "bash <(wget -qO- https://example.com/install.sh)",
    "curl -fsSL -o install.sh https://example.com/install.sh\nchmod +x install.sh\n./install.sh --prefix /usr/local",
    "wget --output-document=get.sh https://example.com/get.sh && bash get.sh",
  );
  const findings = lintText(text, [downloadExec]);
  assert.equal(findings.length, 4);
  assert.match(findings[0]?.message ?? "", /feeds a download to "sh" through "\$\("/);
  assert.match(findings[1]?.message ?? "", /through "<\("/);
  assert.match(findings[2]?.message ?? "", /runs "install\.sh", which "curl" downloaded/);
  assert.match(findings[3]?.message ?? "", /runs "get\.sh", which "wget" downloaded/);
});

test("downloads that are only saved, checked or read as data pass, as do quoted pipes and comments", () => {
  const text = steps(
    "curl -fsSL -o trivy.tar.gz https://example.com/trivy.tar.gz\necho \"abc  trivy.tar.gz\" | sha256sum -c -\ntar xzf trivy.tar.gz",
    "curl -s https://api.github.com/repos/o/r | jq '.stargazers_count | tostring' | grep -E 'a|sh'",
    "# never: curl https://example.com/x | sh\necho 'curl x | sh'",
    "curl -s https://api.github.com/repos/o/r | python3 -c 'import json, sys; print(json.load(sys.stdin)[\"name\"])'",
  );
  assert.deepEqual(lintText(text, [downloadExec]), []);
});

test("a download piped into a shell inside a function is reported; one written in a here-document is not run", () => {
  const text = steps("install_syft() { curl -sSfL https://example.com/install.sh | sh; }\ninstall_syft", "cat <<'EOF' > README.txt\ncurl -sSfL https://example.com/install.sh | sh\nEOF");
  assert.deepEqual(where(lintText(text, [downloadExec])), ["download-exec@jobs.build.steps[0].run"]);
});

test("the forms a tokeniser missed: a pipe inside $( ), a redirected download run later, a clustered -o", () => {
  const text = steps(
    'INSTALLED=$(curl -fsSL https://example.com/install.sh | sh)',
    "curl -fsSL https://example.com/install.sh > install.sh && bash install.sh",
    "curl -fsSLo get.sh https://example.com/get.sh\nsh ./get.sh",
    "curl -fsSLO https://example.com/setup.sh\nbash setup.sh",
  );
  const findings = lintText(text, [downloadExec]);
  assert.deepEqual(where(findings), ["download-exec@jobs.build.steps[0].run", "download-exec@jobs.build.steps[1].run", "download-exec@jobs.build.steps[2].run", "download-exec@jobs.build.steps[3].run"]);
  assert.match(findings[0]?.message ?? "", /pipes "curl" from "https:\/\/example\.com\/install\.sh" into "sh"/);
  assert.match(findings[1]?.message ?? "", /runs "install\.sh", which "curl" downloaded/);
  assert.match(findings[2]?.message ?? "", /runs "get\.sh"/);
  assert.match(findings[3]?.message ?? "", /runs "setup\.sh"/);
});

test("PowerShell: iex (iwr …), iwr … | iex and DownloadString, in a pwsh step or on a windows runner", () => {
  const text = `on: push
jobs:
  win:
    runs-on: windows-latest
    steps:
      - run: iex (iwr https://example.com/install.ps1 -UseBasicParsing)
      - run: irm https://example.com/install.ps1 | Invoke-Expression
  linux:
    runs-on: ubuntu-latest
    steps:
      - shell: pwsh
        run: Invoke-Expression ((New-Object System.Net.WebClient).DownloadString('https://example.com/install.ps1'))
      - shell: pwsh
        run: iwr https://example.com/tool.zip -OutFile tool.zip
`;
  const findings = lintText(text, [downloadExec]);
  assert.deepEqual(where(findings), ["download-exec@jobs.win.steps[0].run", "download-exec@jobs.win.steps[1].run", "download-exec@jobs.linux.steps[0].run"]);
  assert.match(findings[0]?.message ?? "", /feeds a download to "iex" through "\("/);
  assert.match(findings[1]?.message ?? "", /pipes "irm" from "https:\/\/example\.com\/install\.ps1" into "Invoke-Expression"/);
});

test("a download saved under a name and checked, or written to standard output with -o -, passes; a python step is not shell", () => {
  const text = `${steps("curl -fsSLo tool.tgz https://example.com/tool.tgz\nsha256sum -c tool.tgz.sha256\ntar xzf tool.tgz", "curl -fsSL -o - https://example.com/data.json | jq .")}      - shell: python
        run: |
          import os; os.system("curl https://example.com/x | sh")
`;
  assert.deepEqual(lintText(text, [downloadExec]), []);
});
