#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Writes the DOCX files the reader tests use, good and hostile, so none is committed.

usage: make_docx.py CASE OUT.docx [PORT]   (PORT: where the "xxe" case points its external entity)
"""
import io
import random
import struct
import sys
import zipfile

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' \
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>"""

PACKAGE_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>"""

DOCUMENT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.org/outlook" TargetMode="External"/>
</Relationships>"""

STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles {W}>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>
<w:style w:type="paragraph" w:styleId="berschrift1"><w:name w:val="heading 1"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/></w:style>
<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/></w:style>
<w:style w:type="paragraph" w:styleId="Quote"><w:name w:val="Quote"/></w:style>
</w:styles>"""


def p(text, style=None, extra=""):
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f'<w:p>{ppr}<w:r><w:t xml:space="preserve">{text}</w:t></w:r>{extra}</w:p>'


BODY = "".join([
    p("Port Outlook 2024", "Title"),
    p("Findings", "berschrift1"),
    # paragraph 3: runs, a tab, a footnote marker, a hyperlink, a deleted run and a field code
    '<w:p><w:r><w:t xml:space="preserve">Exports rose</w:t></w:r><w:r><w:tab/><w:t>12%.</w:t></w:r>'
    '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="2"/></w:r>'
    '<w:r><w:t xml:space="preserve"> See </w:t></w:r>'
    '<w:hyperlink r:id="rId9"><w:r><w:t>the outlook</w:t></w:r></w:hyperlink>'
    '<w:del w:id="5" w:author="x"><w:r><w:delText>removed words</w:delText></w:r></w:del>'
    '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> HYPERLINK "https://example.org/field" </w:instrText></w:r>'
    '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t xml:space="preserve"> and a field link</w:t></w:r>'
    '<w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>.</w:t></w:r>'
    '<w:r><w:rPr><w:vanish/></w:rPr><w:t>hidden</w:t></w:r>'
    '<w:r><w:br/><w:t>Second line.</w:t><w:endnoteReference w:id="1"/></w:r></w:p>',
    "<w:p/>",
    p("Detail", "Heading2"),
    '<w:p><w:pPr><w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="1"/><w:numId w:val="3"/></w:numPr></w:pPr>'
    '<w:r><w:t>A list item</w:t></w:r></w:p>',
    p("Quoted words.", "Quote"),
    '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Cell text</w:t></w:r><w:r><w:footnoteReference w:id="3"/></w:r></w:p></w:tc></w:tr></w:tbl>',
    '<w:sectPr/>',
])

FOOTNOTES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:footnotes {W}>
<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>
<w:footnote w:id="2"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Ministry of Trade, Annual Report 2023.</w:t></w:r></w:p></w:footnote>
<w:footnote w:id="3"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Second note.</w:t></w:r></w:p></w:footnote>
</w:footnotes>"""

ENDNOTES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:endnotes {W}>
<w:endnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:endnote>
<w:endnote w:id="1"><w:p><w:r><w:endnoteRef/></w:r><w:r><w:t xml:space="preserve"> An endnote.</w:t></w:r></w:p></w:endnote>
</w:endnotes>"""

CORE = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<dc:title>Port Outlook</dc:title><dc:creator>A. Writer</dc:creator><dc:language>en-GB</dc:language>
<dcterms:created xsi:type="dcterms:W3CDTF">2024-05-06T09:30:00Z</dcterms:created>
<dcterms:modified xsi:type="dcterms:W3CDTF">2024-05-07T10:00:00Z</dcterms:modified>
</cp:coreProperties>"""


def document(body):
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {W}><w:body>{body}</w:body></w:document>'


def parts(body=BODY):
    return {
        "[Content_Types].xml": CONTENT_TYPES,
        "_rels/.rels": PACKAGE_RELS,
        "word/document.xml": document(body),
        "word/_rels/document.xml.rels": DOCUMENT_RELS,
        "word/styles.xml": STYLES,
        "word/footnotes.xml": FOOTNOTES,
        "word/endnotes.xml": ENDNOTES,
        "docProps/core.xml": CORE,
    }


def archive(files):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files.items():
            z.writestr(name, data)
    return out.getvalue()


def case(name, port=9):
    if name == "report":
        return archive(parts())
    if name == "code-runs":
        # Inline code as Word ("HTML Code"), LibreOffice ("User Entry" for kbd), pandoc ("Verbatim
        # Char", split in two runs) and a house style based on it write it; a run merely set in
        # Courier New is prose. An "HTML Preformatted" paragraph is a code block.
        def run(text, style=None, font=None):
            rpr = f'<w:rStyle w:val="{style}"/>' if style else ""
            rpr += f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}"/>' if font else ""
            rpr = f"<w:rPr>{rpr}</w:rPr>" if rpr else ""
            return f'<w:r>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r>'
        body = ('<w:p>' + run("Press ") + run('Ctrl+"', "UserEntry") + run(", set ") + run('x = "abc', "HTMLCode") +
                run(", call ") + run("printf(", "VerbatimChar") +
                run('"%s")', "VerbatimChar") + run(", read ") + run("2024-02-30", "HouseCode") + run(" and ") +
                run("Courier words", font="Courier New") + run(".") + '</w:p>' + p('print("hello', "HTMLPreformatted") +
                '<w:sectPr/>')
        files = parts(body)
        files["word/styles.xml"] = STYLES.replace("</w:styles>", (
            '<w:style w:type="character" w:styleId="HTMLCode"><w:name w:val="HTML Code"/></w:style>'
            '<w:style w:type="character" w:styleId="UserEntry"><w:name w:val="User Entry"/></w:style>'
            '<w:style w:type="paragraph" w:styleId="HTMLPreformatted"><w:name w:val="HTML Preformatted"/></w:style>'
            '<w:style w:type="character" w:customStyle="1" w:styleId="VerbatimChar"><w:name w:val="Verbatim Char"/></w:style>'
            '<w:style w:type="character" w:customStyle="1" w:styleId="HouseCode"><w:name w:val="House listing"/>'
            '<w:basedOn w:val="VerbatimChar"/></w:style></w:styles>'))
        return archive(files)
    if name == "tracked-changes":
        # Word's review marks: the final text keeps insertions and moved-to runs, drops deletions
        # and moved-from runs; comments are the reviewers' words, not the report's.
        body = ('<w:p><w:r><w:t xml:space="preserve">Fees </w:t></w:r>'
                '<w:ins w:id="1" w:author="a"><w:r><w:t xml:space="preserve">shall </w:t></w:r></w:ins>'
                '<w:del w:id="2" w:author="a"><w:r><w:delText xml:space="preserve">may </w:delText></w:r></w:del>'
                '<w:commentRangeStart w:id="0"/><w:r><w:t xml:space="preserve">apply</w:t></w:r><w:commentRangeEnd w:id="0"/>'
                '<w:r><w:commentReference w:id="0"/></w:r>'
                '<w:moveFrom w:id="3" w:author="a"><w:r><w:t xml:space="preserve"> at once</w:t></w:r></w:moveFrom>'
                '<w:r><w:t>.</w:t></w:r></w:p>'
                '<w:p><w:moveTo w:id="4" w:author="a"><w:r><w:t xml:space="preserve">At once.</w:t></w:r></w:moveTo></w:p>')
        files = parts(body)
        files["word/comments.xml"] = (f'<?xml version="1.0"?><w:comments {W}><w:comment w:id="0" w:author="a">'
                                      '<w:p><w:r><w:t>Reviewer remark</w:t></w:r></w:p></w:comment></w:comments>')
        return archive(files)
    if name == "reviewed-draft":
        # A draft back from review, as Word saves it: findings beside and inside tracked changes
        # and a reviewer's comment, its comments part registered, so an annotated copy leaves
        # [Content_Types].xml, the package's first entry, unchanged (issue 15: D04's shape).
        body = ('<w:p><w:r><w:t xml:space="preserve">On </w:t></w:r>'
                '<w:del w:id="1" w:author="a"><w:r><w:delText xml:space="preserve">Sunday or </w:delText></w:r></w:del>'
                '<w:r><w:t xml:space="preserve">Monday, 24 April 2024 the </w:t></w:r>'
                '<w:commentRangeStart w:id="0"/><w:r><w:t>regional operator</w:t></w:r><w:commentRangeEnd w:id="0"/>'
                '<w:r><w:commentReference w:id="0"/></w:r>'
                '<w:del w:id="2" w:author="a"><w:r><w:delText xml:space="preserve"> quietly</w:delText></w:r></w:del>'
                '<w:r><w:t xml:space="preserve"> warned of delays.</w:t></w:r></w:p>'
                '<w:p><w:r><w:t xml:space="preserve">The board met on </w:t></w:r>'
                '<w:ins w:id="3" w:author="a"><w:r><w:t xml:space="preserve">Thursday, </w:t></w:r></w:ins>'
                '<w:del w:id="4" w:author="a"><w:r><w:delText xml:space="preserve">Friday, </w:delText></w:r></w:del>'
                '<w:r><w:t>2 April 2024.</w:t></w:r></w:p>')
        files = parts(body)
        del files["word/footnotes.xml"], files["word/endnotes.xml"]
        # An incompressible picture stored before the main part, as Word often orders them:
        # libzip then keeps the unchanged first entries and rewrites only the rest in place.
        files = {name: files[name] for name in ("[Content_Types].xml", "_rels/.rels")} | \
            {"word/media/image1.png": random.Random(15).randbytes(16384)} | files
        files["[Content_Types].xml"] = CONTENT_TYPES.replace(
            "</Types>", '<Default Extension="png" ContentType="image/png"/>\n<Override PartName="/word/comments.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>\n</Types>')
        files["word/_rels/document.xml.rels"] = DOCUMENT_RELS.replace(
            "</Relationships>", '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" '
            'Target="comments.xml"/>\n</Relationships>')
        files["word/comments.xml"] = (f'<?xml version="1.0"?><w:comments {W}><w:comment w:id="0" w:author="a">'
                                      '<w:p><w:r><w:t>Which operator?</w:t></w:r></w:p></w:comment></w:comments>')
        return archive(files)
    if name == "custom-properties":
        # Word lists custom properties under the officeDocument namespace too, after the main part.
        files = parts()
        files["_rels/.rels"] = PACKAGE_RELS.replace(
            "</Relationships>",
            '<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" '
            'Target="docProps/custom.xml"/>\n</Relationships>')
        files["docProps/custom.xml"] = '<?xml version="1.0"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"/>'
        return archive(files)
    if name == "missing-document":
        files = parts()
        del files["word/document.xml"]
        return archive(files)
    if name == "malformed-document":
        files = parts()
        files["word/document.xml"] = document("<w:p><w:r><w:t>open</w:r></w:p>")
        return archive(files)
    if name == "xxe":
        files = parts()
        files["word/document.xml"] = ('<?xml version="1.0"?>\n<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">'
                                      f'<!ENTITY web SYSTEM "http://127.0.0.1:{port}/x">]>\n'
                                      f'<w:document {W}><w:body><w:p><w:r><w:t>a &xxe; b &web;</w:t></w:r></w:p></w:body></w:document>')
        return archive(files)
    if name == "bomb":
        # 200 MB of spaces in one paragraph deflate to about 200 KB: a ratio of about 1:1000.
        files = parts()
        files["word/document.xml"] = document("<w:p><w:r><w:t>" + " " * (200 << 20) + "</w:t></w:r></w:p>")
        return archive(files)
    if name == "many-entries":
        files = parts()
        for i in range(10001):
            files[f"customXml/item{i}.xml"] = "<a/>"
        return archive(files)
    if name == "path-traversal":
        files = parts()
        files["../../etc/cron.d/evil"] = "* * * * * root true"
        return archive(files)
    if name == "nested-zip":
        inner = archive({"word/document.xml": document(p("inner"))})
        files = parts()
        files["word/embeddings/inner.zip"] = inner
        return archive(files)
    if name == "encrypted":
        # Sets the "encrypted" flag of every entry: a reader must refuse, not inflate garbage.
        data = bytearray(archive(parts()))
        for signature, flag_at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
            at = data.find(signature)
            while at >= 0:
                flags = struct.unpack_from("<H", data, at + flag_at)[0]
                struct.pack_into("<H", data, at + flag_at, flags | 1)
                at = data.find(signature, at + 4)
        return bytes(data)
    if name == "truncated-central-directory":
        data = archive(parts())
        return data[: data.rfind(b"PK\x01\x02") + 10]
    if name == "custom-properties":
        # Word lists docProps/custom.xml, whose relationship type also contains "/officeDocument".
        files = parts()
        files["docProps/custom.xml"] = '<?xml version="1.0"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"/>'
        files["_rels/.rels"] = PACKAGE_RELS.replace(
            "</Relationships>", '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" '
            'Target="docProps/custom.xml"/></Relationships>')
        return archive(files)
    if name == "ole-encrypted":
        return b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + b"\0" * 504
    if name == "deep-nesting":
        depth = 100000
        # Content controls nested 10^5 deep; the ids keep the part compressible only about 20:1.
        body = "<w:p><w:r><w:t>before</w:t></w:r></w:p>" + \
               "".join(f'<w:sdt><w:sdtPr><w:id w:val="{i * 7919 % 1000003}"/></w:sdtPr><w:sdtContent>' for i in range(depth)) + \
               p("deep") + "</w:sdtContent></w:sdt>" * depth
        files = parts(body)
        return archive(files)
    raise SystemExit(f"unknown case {name}")


if __name__ == "__main__":
    if len(sys.argv) not in (3, 4):
        raise SystemExit(__doc__)
    with open(sys.argv[2], "wb") as f:
        f.write(case(sys.argv[1], int(sys.argv[3]) if len(sys.argv) == 4 else 9))
