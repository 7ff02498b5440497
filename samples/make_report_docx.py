#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Writes samples/report-with-defects.docx: a short Word report with planted defects (listed in
samples/README.md) and with everything an annotating writer must keep: styles, a footnote part,
an editor's comment, a tracked insertion, a HYPERLINK field, an image and settings.

usage: make_report_docx.py [OUT.docx]   (default: report-with-defects.docx beside this script)

The archive is deterministic (fixed timestamps, fixed order), so rerunning gives the same bytes.
"""
import os
import struct
import sys
import zipfile
import zlib

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = (f'xmlns:w="{W_NS}" xmlns:r="{R_NS}" '
      'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
      'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
      'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"')
DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def run(text, props=""):
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r>'


def para(content, style=None):
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f"<w:p>{ppr}{content}</w:p>"


def note_ref(note_id):
    return f'<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="{note_id}"/></w:r>'


def image_paragraph():
    # A 2 cm square inline picture (word/media/chart.png).
    extent = 720000
    return para(
        '<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">'
        f'<wp:extent cx="{extent}" cy="{extent}"/><wp:docPr id="1" name="Throughput chart"/>'
        '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
        '<pic:pic><pic:nvPicPr><pic:cNvPr id="1" name="chart.png"/><pic:cNvPicPr/></pic:nvPicPr>'
        '<pic:blipFill><a:blip r:embed="rId5"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
        f'<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{extent}" cy="{extent}"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>'
        '</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>')


BODY = "".join([
    para(run("Harbour freight review: the northern terminal in 2024"), "Title"),
    para(run("A report by the Example Office for Port Statistics"), "Subtitle"),
    para(run("1. Throughput"), "Heading1"),
    # An editor's comment (id 0) on "northern terminal" and a tracked insertion (id 1): both kept.
    para('<w:r><w:t xml:space="preserve">Container traffic at the </w:t></w:r>'
         '<w:commentRangeStart w:id="0"/><w:r><w:t>northern terminal</w:t></w:r><w:commentRangeEnd w:id="0"/>'
         '<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="0"/></w:r>'
         + run(" rose by 8 percent") + note_ref(1) + run(" in the first half of the year")
         + '<w:ins w:id="1" w:author="R. Editor" w:date="2024-09-10T09:00:00Z">'
         + run(", the fastest growth since 2019") + "</w:ins>"
         + run(".") + note_ref(2)),
    # The weekday is split across runs ("Mon" bold, "day" plain): a wrong weekday with a certain fix.
    para(run("The second crane line opened on ") + run("Mon", "<w:b/>") + run("day, 24 April 2024, two weeks ahead of schedule.")),
    para(run("Shipping lines say the quay is “quick to load but slow to clear”. Dwell times averaged 4.2 days.") + note_ref(3)),
    image_paragraph(),
    para(run("Figure 1 shows daily crane moves; the full series is in the ")
         + '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
         + '<w:r><w:instrText xml:space="preserve"> HYPERLINK "https://example.org/harbour-statistics" </w:instrText></w:r>'
         + '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
         + run("harbour statistics", '<w:color w:val="0563C1"/><w:u w:val="single"/>')
         + '<w:r><w:fldChar w:fldCharType="end"/></w:r>' + run(".")),
    para(run("2. Outlook"), "Heading1"),
    para(run("Repairs to the east quay ended on 3 October 2024, after the storm surge of the spring.") + note_ref(4)),
    '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" '
    'w:header="708" w:footer="708" w:gutter="0"/></w:sectPr>',
])

FOOTNOTES = (DECL + f'<w:footnotes {NS}>'
             '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
             '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
             + "".join(
                 f'<w:footnote w:id="{i}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
                 '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>'
                 f'{run(" " + text) if text else ""}</w:p></w:footnote>'
                 for i, text in ((1, "Port Authority, “Half-year traffic figures”, 31 July 2024, https://example.org/traffic-h1."),
                                 (2, "Harbour Board, “Annual throughput report 2023”, 2024, https://example.org/throughput-2023."),
                                 (3, "This was widely reported."),
                                 (4, "")))
             + "</w:footnotes>")

COMMENTS = (DECL + f'<w:comments {NS}>'
            '<w:comment w:id="0" w:author="R. Editor" w:date="2024-09-10T09:05:00Z" w:initials="RE">'
            '<w:p><w:r><w:annotationRef/></w:r><w:r><w:t>Name the terminal as the port does.</w:t></w:r></w:p>'
            "</w:comment></w:comments>")


def style(kind, style_id, name, extra=""):
    return f'<w:style w:type="{kind}" w:styleId="{style_id}"><w:name w:val="{name}"/>{extra}</w:style>'


STYLES = (DECL + f'<w:styles {NS}>'
          '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Liberation Serif" w:hAnsi="Liberation Serif"/>'
          '<w:sz w:val="24"/></w:rPr></w:rPrDefault></w:docDefaults>'
          + style("paragraph", "Normal", "Normal", '<w:pPr><w:spacing w:after="120"/></w:pPr>')
          + style("paragraph", "Title", "Title", '<w:basedOn w:val="Normal"/><w:rPr><w:b/><w:sz w:val="36"/></w:rPr>')
          + style("paragraph", "Subtitle", "Subtitle", '<w:basedOn w:val="Normal"/><w:rPr><w:i/></w:rPr>')
          + style("paragraph", "Heading1", "heading 1",
                  '<w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="28"/></w:rPr>')
          + style("paragraph", "FootnoteText", "footnote text", '<w:basedOn w:val="Normal"/><w:rPr><w:sz w:val="20"/></w:rPr>')
          + style("character", "FootnoteReference", "footnote reference", '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr>')
          + style("character", "CommentReference", "annotation reference", '<w:rPr><w:sz w:val="16"/></w:rPr>')
          + "</w:styles>")

SETTINGS = (DECL + f'<w:settings {NS}><w:defaultTabStop w:val="708"/>'
            '<w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr></w:settings>')

CONTENT_TYPES = (DECL + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                 '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                 '<Default Extension="xml" ContentType="application/xml"/>'
                 '<Default Extension="png" ContentType="image/png"/>'
                 + "".join(f'<Override PartName="{name}" ContentType="application/vnd.openxmlformats-officedocument.{kind}"/>'
                           for name, kind in (("/word/document.xml", "wordprocessingml.document.main+xml"),
                                              ("/word/styles.xml", "wordprocessingml.styles+xml"),
                                              ("/word/settings.xml", "wordprocessingml.settings+xml"),
                                              ("/word/footnotes.xml", "wordprocessingml.footnotes+xml"),
                                              ("/word/comments.xml", "wordprocessingml.comments+xml")))
                 + '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
                 "</Types>")

PACKAGE_RELS = (DECL + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="word/document.xml"/>'
                '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" '
                'Target="docProps/core.xml"/></Relationships>')

DOCUMENT_RELS = (DECL + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                 + "".join(f'<Relationship Id="{rid}" Type="{REL}/{kind}" Target="{target}"/>'
                           for rid, kind, target in (("rId1", "styles", "styles.xml"), ("rId2", "settings", "settings.xml"),
                                                     ("rId3", "footnotes", "footnotes.xml"), ("rId4", "comments", "comments.xml"),
                                                     ("rId5", "image", "media/chart.png")))
                 + "</Relationships>")

CORE = (DECL + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        "<dc:title>Harbour freight review</dc:title><dc:creator>Example Office for Port Statistics</dc:creator>"
        "<dc:language>en-GB</dc:language>"
        '<dcterms:created xsi:type="dcterms:W3CDTF">2024-09-12T08:00:00Z</dcterms:created></cp:coreProperties>')


def png(size=16):
    """A small grey-and-blue bar chart as a PNG, written with zlib only."""
    rows = b""
    for y in range(size):
        row = bytearray()
        for x in range(size):
            bar = x // 4
            filled = size - y <= (bar + 1) * 3 + 2
            row += bytes((40, 90, 160) if filled else (235, 235, 235))
        rows += b"\0" + bytes(row)

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")


def parts():
    return [
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", PACKAGE_RELS),
        ("docProps/core.xml", CORE),
        ("word/document.xml", DECL + f"<w:document {NS}><w:body>{BODY}</w:body></w:document>"),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS),
        ("word/styles.xml", STYLES),
        ("word/settings.xml", SETTINGS),
        ("word/footnotes.xml", FOOTNOTES),
        ("word/comments.xml", COMMENTS),
        ("word/media/chart.png", png()),
    ]


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "report-with-defects.docx")
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in parts():
            info = zipfile.ZipInfo(name, date_time=(2024, 9, 12, 8, 0, 0))
            # Word stores pictures uncompressed; XML parts are deflated.
            info.compress_type = zipfile.ZIP_STORED if name.endswith(".png") else zipfile.ZIP_DEFLATED
            archive.writestr(info, data.encode("utf-8") if isinstance(data, str) else data)


if __name__ == "__main__":
    main()
