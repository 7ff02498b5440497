# SPDX-License-Identifier: MIT
"""Writes marginalia(1) from docs/man/marginalia.1.in and the built binary's own help.

usage: make_man_page.py MARGINALIA TEMPLATE OUTPUT

The commands come from `marginalia --help`, each command's usage, summary and options from
`marginalia help COMMAND`, so a command or option added to the binary appears in the page
without anyone editing it. Each option is listed once with the commands that take it (as git's
pages do), not once per command.
"""
import re
import subprocess
import sys


def run_help(binary, *args):
    result = subprocess.run([binary, *args], capture_output=True, text=True, check=False)
    if result.returncode != 0:
        sys.exit(f"make_man_page.py: {binary} {' '.join(args)} exited {result.returncode}: {result.stderr}")
    return result.stdout


def roff(text):
    """Text as a roff line: backslashes escaped, option-like words with real minus signs."""
    text = text.replace("\\", "\\e")
    # A dash that starts a word is an option's (--plugin-dir, -o): every dash of that word is
    # a minus, so the rendered page can be copied into a shell. Hyphens inside words stay.
    text = re.sub(r"(?<![\w-])-[-\w]*", lambda m: m.group(0).replace("-", "\\-"), text)
    if text.startswith((".", "'")):
        text = "\\&" + text
    return text


def sentence(text):
    """The help's lower-case phrase as it stands (format names are case-sensitive), with a period."""
    return text if not text or text.endswith(".") else text + "."


def commands_of(general_help):
    """[(name, usage after the name)] from the 'commands:' block of `marginalia --help`."""
    commands, inside = [], False
    for line in general_help.splitlines():
        if line == "commands:":
            inside = True
        elif inside and not line.strip():
            break
        elif inside:
            match = re.match(r"^  (\S+)(.*)$", line)
            if match:
                commands.append((match.group(1), match.group(2).strip()))
    if not commands:
        sys.exit("make_man_page.py: no 'commands:' block in marginalia --help")
    return commands


def parse_command_help(text):
    """(summary, [(option, description)]) from `marginalia help COMMAND`."""
    blocks = text.strip("\n").split("\n\n")
    summary = " ".join(line.strip() for line in blocks[1].splitlines()) if len(blocks) > 1 else ""
    options = []
    lines = text.splitlines()
    start = lines.index("options:") + 1 if "options:" in lines else len(lines)
    block = []
    for line in lines[start:]:
        if not line.strip():
            break
        block.append(line)
    # Descriptions start in one column; a name as wide as the column leaves a single space.
    column = min((m.start(2) for m in (re.match(r"^  (\S.*?)\s{2,}(\S.*)$", l) for l in block) if m), default=0)
    for line in block:
        if line.startswith("   "):
            # a description continued, or a description on the line after a long option
            name, description = options[-1]
            options[-1] = (name, (description + " " + line.strip()).strip())
        elif column and len(line) > column and line[column - 1] == " ":
            options.append((line[2:column].strip(), line[column:].strip()))
        else:
            options.append((line.strip(), ""))
    return summary, options


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    binary, template_path, output_path = sys.argv[1:]
    version_line = run_help(binary, "version").split()
    version = version_line[1] if len(version_line) > 1 else "unknown"

    synopsis, command_text = [], []
    options, option_commands = [], {}
    for name, usage in commands_of(run_help(binary, "--help")):
        summary, command_options = parse_command_help(run_help(binary, "help", name))
        synopsis.append(f".B marginalia {roff(name)}\n{roff(usage)}\n.br" if usage else f".B marginalia {roff(name)}\n.br")
        command_text.append(f".TP\n.B marginalia {roff(name)} {roff(usage)}".rstrip())
        command_text.append(roff(sentence(summary)))
        for option, description in command_options:
            if option.startswith("--help"):
                continue
            if option not in option_commands:
                options.append((option, description))
                option_commands[option] = []
            option_commands[option].append(name)

    option_text = []
    for option, description in options:
        option_text.append(f".TP\n.B {roff(option)}")
        option_text.append(roff(sentence(description)))
        option_text.append(".br\n" + roff("Commands: " + ", ".join(option_commands[option]) + "."))

    with open(template_path, encoding="utf-8") as template:
        page = template.read()
    page = "\n".join(line for line in page.splitlines() if not line.startswith('.\\"')) + "\n"
    page = (page.replace("@VERSION@", version)
                .replace("@SYNOPSIS@", "\n".join(synopsis))
                .replace("@COMMANDS@", "\n".join(command_text))
                .replace("@OPTIONS@", "\n".join(option_text)))
    with open(output_path, "w", encoding="utf-8") as out:
        out.write(page)


if __name__ == "__main__":
    main()
