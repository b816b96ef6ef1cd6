package org.rectify.platform;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Collections;
import java.util.List;

/**
 * Counts what an uploaded .docx or .xlsx holds before POI builds its object model of it: a zip of modest size
 * can unpack to millions of empty paragraphs or rows, each of which POI would keep in memory (a 14.7 MB .docx
 * of 2.4 million paragraphs ran the JVM out of memory). The count streams the XML parts (StAX, no DTDs, no
 * entities) with constant memory, and refuses at the first limit passed: paragraphs, table rows and cells,
 * sheet rows and cells, shared strings, characters of text, XML elements in all, and time. What passes is
 * small enough for POI to read whole.
 */
public final class OfficeFileCensus {

    /** How much of each a file may hold. */
    public record Limits(int paragraphs, int tableRows, int cells, int sheetRows, int strings, long characters,
                         long elements, Duration time) {

        /** Room for any real plan, breakdown or unit list: a 300-page plan has some 10,000 paragraphs. */
        public static final Limits DEFAULT = new Limits(50_000, 20_000, 200_000, 20_000, 200_000, 5_000_000,
                3_000_000, Duration.ofSeconds(20));

        public Limits withSheetRows(int rows) {
            return new Limits(paragraphs, tableRows, cells, rows, strings, characters, elements, time);
        }
    }

    /** A file that holds more than a limit allows; the sentence says what and how much is allowed. */
    public static final class TooComplex extends InvalidInputException {
        private final String what;

        TooComplex(String what, long limit) {
            super("upload.tooComplex", new Labels(List.of("upload.count." + what)), String.valueOf(limit));
            this.what = what;
        }

        TooComplex() {
            super("upload.tooSlow");
            this.what = "time";
        }

        /** Which limit was passed: paragraphs, tableRows, cells, sheetRows, strings, characters, elements, time. */
        public String what() {
            return what;
        }

        public boolean tooManySheetRows() {
            return what.equals("sheetRows");
        }
    }

    private static final XMLInputFactory XML = XMLInputFactory.newFactory();

    static {
        XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        XML.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        XML.setProperty(XMLInputFactory.IS_COALESCING, false);
    }

    private OfficeFileCensus() {
    }

    /** Counts the body of a Word document ({@code word/document.xml}). */
    public static void docx(byte[] bytes, Limits limits) {
        new Count(limits).parts(bytes, name -> name.equals("word/document.xml"));
    }

    /** Counts the sheets and shared strings of a workbook. */
    public static void xlsx(byte[] bytes, Limits limits) {
        new Count(limits).parts(bytes, name -> name.startsWith("xl/worksheets/") && name.endsWith(".xml")
                || name.equals("xl/sharedStrings.xml"));
    }

    /** The running totals of one file. */
    private static final class Count {
        private final Limits limits;
        private final long deadline;
        private long paragraphs;
        private long tableRows;
        private long cells;
        private long sheetRows;
        private long strings;
        private long characters;
        private long elements;

        Count(Limits limits) {
            this.limits = limits;
            this.deadline = System.nanoTime() + limits.time().toNanos();
        }

        void parts(byte[] bytes, java.util.function.Predicate<String> wanted) {
            try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(bytes)).get()) {
                for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
                    if (!entry.isDirectory() && wanted.test(entry.getName())) {
                        try (InputStream in = zip.getInputStream(entry)) {
                            part(in);
                        }
                    }
                }
            } catch (IOException | XMLStreamException | RuntimeException e) {
                if (e instanceof TooComplex tooComplex) {
                    throw tooComplex;
                }
                // not a zip, or XML that does not parse: the reader that comes next says so in its own words
            }
        }

        private void part(InputStream in) throws XMLStreamException {
            XMLStreamReader xml = XML.createXMLStreamReader(in);
            try {
                while (xml.hasNext()) {
                    int event = xml.next();
                    if (event == XMLStreamConstants.START_ELEMENT) {
                        element(xml.getLocalName());
                    } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                        characters += xml.getTextLength();
                        check(characters, limits.characters(), "characters");
                    }
                }
            } finally {
                xml.close();
            }
        }

        private void element(String name) {
            check(++elements, limits.elements(), "elements");
            if ((elements & 0x3FFF) == 0 && System.nanoTime() > deadline) {
                throw new TooComplex();
            }
            switch (name) {
                case "p" -> check(++paragraphs, limits.paragraphs(), "paragraphs");
                case "tr" -> check(++tableRows, limits.tableRows(), "tableRows");
                case "tc", "c" -> check(++cells, limits.cells(), "cells");
                case "row" -> check(++sheetRows, limits.sheetRows(), "sheetRows");
                case "si" -> check(++strings, limits.strings(), "strings");
                default -> {
                }
            }
        }

        private static void check(long count, long limit, String what) {
            if (count > limit) {
                throw new TooComplex(what, limit);
            }
        }
    }
}
