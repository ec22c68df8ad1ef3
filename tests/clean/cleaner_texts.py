"""Text shared by the cleaner's tests: a short Hindi article written for them (a headline and
three paragraphs on solar irrigation pumps), taken from no evaluation set; and
:func:`clean_lines`, which cleans a page made of such lines (:func:`protected_after_pass_1c`:
what pass 1c protects on one)."""

from __future__ import annotations

from summarize.clean import clean_page
from summarize.clean.furniture import mark_furniture
from summarize.clean.page import read_page
from summarize.clean.passes import mark_shapes
from summarize.clean.residue import mark_residue
from summarize.engines.embeddings import Embedder
from summarize.types import Article

SOLAR_PUMPS = [
    "नर्मदा किनारे के बारह गांवों में सौर पंपों से सिंचाई शुरू, किसानों का डीजल खर्च घटा",
    "होशंगाबाद। नर्मदा नदी के किनारे बसे बारह गांवों में इस रबी सीजन से सौर ऊर्जा से चलने वाले "
    "पंपों से सिंचाई शुरू हो गई है। कृषि विभाग ने यहां कुल 340 पंप लगाए हैं।",
    "किसानों का कहना है कि पहले एक एकड़ गेहूं की सिंचाई में करीब चार हजार रुपये का डीजल लगता "
    "था, जो अब लगभग शून्य हो गया है। पंप दिन में आठ घंटे पानी देते हैं।",
    "कृषि विभाग के उपसंचालक ने बताया कि हर पंप पर सरकार ने नब्बे प्रतिशत अनुदान दिया है और बाकी "
    "राशि किसानों ने किस्तों में जमा की है। योजना अगले साल बीस और गांवों में लागू होगी।",
]


def clean_lines(
    lines: list[str], embedder: Embedder | None = None
) -> tuple[list[str], dict[str, str]]:
    """Clean a page of ``lines`` (a blank line between them): the kept paragraphs, and each
    removed text with its reason."""
    clean, _ = clean_page(
        Article(id="t", source="test", raw_text="\n\n".join(lines)), None, embedder
    )
    kept = [" ".join(p) for p in clean.paragraphs]
    return kept, {r.text: r.reason for r in clean.removed}


def protected_after_pass_1c(lines: list[str]) -> set[str]:
    """The lines of a page of ``lines`` that pass 1c gives back to the text for good (the
    learned passes leave them alone)."""
    page = read_page(Article(id="t", source="test", raw_text="\n\n".join(lines)), None)
    for run_pass in (mark_shapes, mark_furniture, mark_residue):
        run_pass(page)
    return {ln.text for ln in page.lines if ln.idx in page.protected}
