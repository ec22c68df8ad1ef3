"""Cleaning of scraped news pages: title, date, body paragraphs, and what was removed and why.

    from summarize.clean import clean_article
    ca = clean_article(article)            # -> CleanArticle
    ca.title, ca.date (ISO 8601), ca.date_raw, ca.paragraphs ([[sentence, ...], ...])
    ca.removed  # [Removed(text, reason, line)]  every line or span taken out
    ca.flagged  # [Removed(text, reason, line)]  kept in the body, but looked suspicious

A scraped page is a list of lines.  Every non-empty line is classified by its *shape* (length,
punctuation, script mix, a date pattern, a credit in parentheses, its position on the page)
and by a lexical topic-coherence check against the article's own title and lead.  Nothing
here is a string copied from a particular page: the keyword lists below are small
multilingual (English/Hindi) vocabularies of the words web boilerplate is made of
("updated", "अपडेट", "photo", "फोटो", "also read", "यह भी पढ़ें", "share", "next post" ...).

Passes: (1) line-shape rules; (2) find a "Next Post"/"Related" marker, after which the page may
hold other stories; (3) the title: the earliest headline-shaped line (3+ words, no sentence
end) above the first paragraph that is lexically close to the body (``Article.title`` wins
when given; a site name after it, " - Hindi News", is cut); (4) the header: section labels,
stray fragments and other headlines above the title, bylines, the dateline; (5) the block
after a next-story marker is removed as ``off-topic`` when its similarity to the article is
low, else kept and flagged; (6) links under "Also read"/"Related" headings; (7) duplicates;
(8) a closing author bio, footer lines after the last sentence; (9) paragraphs with low
coherence are flagged (never removed); (10) spans cut out of kept lines: a leading dateline
(``नई दिल्ली, 2 जुलाई (भाषा)।``, ``NEW DELHI:``), a stray foreign article (``La``), an
inline photo credit, a trailing ``[…]``.  Each kept line is one paragraph, split into
sentences by :func:`summarize.segment.split_sentences`.  The date is the publication
stamp of the article (published before updated); a date inside the story, or in the story
after "Next Post", is never taken, and none is guessed when the page has none.

Removal reasons (``Removed.reason``)
------------------------------------
``tracking``       tracker / script residue: a lone id-like token (``somethingpixel``), JS code.
``ticker``         headlines of other stories glued into one long line (no sentence punctuation,
                   words glued across scripts ``...लेनदेनChhattisgarh``, ``राय?Reliance``,
                   several ``Topic: headline`` fragments), a ``Breaking:``/``Trending:`` strip
                   or bullet-separated headlines, or a run of headlines above the title.
``metadata``       publication stamps: a date/time with a published/updated keyword in any
                   language (``Last Updated- ...``, ``आखरी अपडेट: ...``, ``First Published -
                   ...``), a line that is only a date, bylines, desk/agency credits, reading
                   time, "2 घंटे पहले", disclaimers, the "Web Title", and datelines.
``caption``        image captions and credits: a short line ending with ``(Photo: X)``,
                   ``(छवि: X)``, ``फोटो: X``; a lone ``फाइल फोटो``; a bilingual line (an
                   English sentence followed by its Hindi version: the shape of an alt text).
``related-link``   ``Also read: ...``, ``यह भी पढ़ें: ...``, ``Read more | ...``, and headlines
                   listed under an "Also read"/"Related"/"Latest ... News" heading.
``navigation``     page furniture: Share, Next/Previous Post, Tags (and the tag list), Follow
                   us, Advertisement, ``संबंधित पोस्ट``, menus and breadcrumbs
                   (``होम | देश | खेल``), hashtags, copyright and site-name footers, cookie
                   banners, the site's promos ("हमारे व्हाट्सएप चैनल से जुड़ें"), poll
                   widgets, comment forms, gallery counters (``1/5``).
``author-bio``     a closing paragraph about the writer: third person, role and career words
                   (लेखक/पत्रकार/संपादक/reporter/editor/years of experience/covers ...), or
                   starting with the name from the byline; ``(लेखक ... हैं।)`` notes.
``duplicate``      a line that repeats the title (also with a site name added) or an earlier
                   body line.
``off-topic``      a block far from the article's topic (TF-IDF cosine of character n-grams
                   under ``max(CleanConfig.off_topic_threshold, 0.3 x the median coherence of
                   the article's own paragraphs)``), e.g. the story after "Next Post", or
                   another headline above the title.
``section-label``  a section name above the headline (``विदेश``, ``World``) and labels of parts
                   of the page (``हाइलाइट्स``, ``सार``; the text under them is kept).
``artefact``       stray scraping / machine-translation residue: a short fragment above the
                   headline or left alone at the end of the page, a stray foreign article
                   (``La``) before a Hindi sentence, CMS placeholders ("Test Post"), what is
                   left of an embedded post (``pic.twitter.com/...``).

Flagged (kept) lines use the same names for what they looked like: ``off-topic`` (low
coherence, or on-topic text after a "Next Post" marker), ``artefact`` (a sentence starting
with a dangling postposition, a cut-off link), ``author-bio`` (bio-like but not sure),
``ticker`` (a few glued words), ``related-link``, ``navigation`` (a short non-sentence line
after the last sentence).  The cleaner never removes a sentence it is unsure of.

The topic check is lexical on purpose (no model): TF-IDF over character 3–5-grams of
content words (stop-words of Hindi and English removed), which works for Hindi's rich
morphology and for the English names mixed into Hindi news.

Measured by ``python -m benchmarks.cleaning`` (gold annotations in ``tests/data/gold/``).
"""

from __future__ import annotations

import functools
import html
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from summarize.config import CleanConfig
from summarize.types import Article, CleanArticle, Removed

REASONS = (
    "tracking",
    "ticker",
    "metadata",
    "caption",
    "related-link",
    "navigation",
    "author-bio",
    "duplicate",
    "off-topic",
    "section-label",
    "artefact",
)

# --------------------------------------------------------------------------------------
# Small multilingual vocabularies of web boilerplate (English + Hindi, common spellings).
# These are generic words of page furniture, not strings from any particular page.
# --------------------------------------------------------------------------------------

DEV = "\u0900-\u097f"
_DEV_RE = re.compile(f"[{DEV}]")
_LAT_RE = re.compile(r"[A-Za-z]")
_WORD_RE = re.compile(rf"[{DEV}\w]+", re.UNICODE)
_TERMINAL_RE = re.compile(r"[।॥?!]|\.(?=\s|$|[\"'’”)\]])|\|(?=\s|$)")

# Keywords that make a date line a publication/update stamp.
_META_KEYWORDS = re.compile(
    r"(updated|update|published|posted|modified|last\s+edited|first\s+published|"
    r"अपडेट|अपडेटेड|अद्यतन|प्रकाशित|प्रकाशन|पब्लिश|पब्लिश्ड|पोस्ट\s+किया|संशोधित|आखरी|आख़री|आखिरी|अंतिम)",
    re.IGNORECASE,
)
# A publication stamp: the keyword opens the line or a "|"-separated segment of it
# ("Last Updated- ...", "आखरी अपडेट: ...", "By X | Updated: ...").
_STAMP_RE = re.compile(
    r"(?:^|[|•·]\s*)[\(\[]?\s*(?:last\s+|first\s+|date\s+)?(?:updated|update|published|posted|modified|edited|"
    r"(?:आखरी|आख़री|आखिरी|आख़िरी|अंतिम|पहली\s+बार)?\s*(?:अपडेट|अपडेटेड|अद्यतन|प्रकाशित|पब्लिश|पब्लिश्ड|संशोधित))"
    r"(?:\s+(?:on|at|date|तिथि|तारीख|किया\s+गया))?\s*[:：\-–—|]?\s*",
    re.IGNORECASE,
)
# Bylines, agency credits, reading time ... (short lines only).
_BYLINE_RE = re.compile(
    # "By Jane Doe", "Edited By अमित" (a name follows), or "लेखक: X" (a separator follows)
    r"^\s*((by|written\s+by|edited\s+by|reported\s+by|posted\s+by|curated\s+by|published\s+by)\s*[:：\-–—]?\s*(?-i:[A-Z\u0900-\u097f])|"
    r"(author|reporter|लेखक|लेखिका|द्वारा|रिपोर्ट|रिपोर्टर|संवाददाता|संपादित|एडिटेड\s+बाय|edited)\s*[:：\-–—]\s*\S)",
    re.IGNORECASE,
)
# A desk / correspondent credit (only taken in the header, on a short line).
_DESK_RE = re.compile(
    r"(संवाददाता|ब्यूरो|डेस्क|प्रतिनिधि|correspondent|bureau|\bdesk\b|staff\s+reporter|news\s+service)",
    re.IGNORECASE,
)
# The name in a byline: "Written by: नेहा वर्मा", "By Jane Doe |", "द्वारा: राहुल शर्मा"
_BYLINE_NAME_RE = re.compile(
    rf"(?:^|\b)(?:written\s+by|reported\s+by|by|द्वारा|लेखक|लेखिका|रिपोर्ट)\s*[:：\-–—]?\s*"
    rf"(?P<name>[A-Z{DEV}][\w{DEV}]+(?:\s+[A-Z{DEV}][\w{DEV}]+){{0,2}})",
)
_AGENCY_CREDIT_RE = re.compile(
    r"^\s*[\(\[]?\s*(with\s+inputs?\s+from[^)\]]*|inputs?\s+from[^)\]]*|एजेंसी\s+इनपुट[^)\]]*|"
    r"इनपुट\s*[:：\-]?\s*[^)\]]*|भाषा|आईएएनएस|एएनआई|पीटीआई|IANS|PTI|ANI|Reuters|AFP|AP|"
    r"एजेंसी|agencies|agency|(?:source|स्रोत|सोर्स|साभार)\s*[:：\-–—]\s*[^)\]]{1,40})\s*[\)\]]?\s*[.।]?\s*$",
    re.IGNORECASE,
)
_RELATIVE_TIME_RE = re.compile(
    r"^\s*(updated\s+|अपडेट\s+)?[\d०-९]+\s*(min(ute)?s?|hours?|hrs?|days?|मिनट|घंटे|घंटा|दिन)\s+(ago|पहले)\s*$",
    re.IGNORECASE,
)
# Disclaimers and the English "web title" that Hindi sites append.
_DISCLAIMER_RE = re.compile(
    r"^\s*[\(\[]?\s*(disclaimer|डिस्क्लेमर|डिस्क्लेमरः|अस्वीकरण|web\s+title|वेब\s+टाइटल)\s*[:：\-–—]",
    re.IGNORECASE,
)
_READ_TIME_RE = re.compile(
    r"^\s*\d+\s*(min(ute)?s?\s+read|मिनट\s+(में\s+)?(पढ़ें|पढें|की\s+रीडिंग))\s*$", re.IGNORECASE
)

# Photo / image credit words.
# Picture words: a credit with one of them is an image's ("(छवि: रॉयटर्स)", "(Photo: PTI)").
_PHOTO_WORDS = (
    r"photo|photos|image|images|img|pic|picture|file\s+photo|"
    r"representational\s+(?:image|photo|picture)|representative\s+(?:image|photo|picture)|"
    r"फोटो|फ़ोटो|फोटोः|छवि|चित्र|तस्वीर|इमेज|फाइल\s+फोटो|फ़ाइल\s+फ़ोटो|"
    r"प्रतीकात्मक\s+(?:तस्वीर|फोटो|फ़ोटो|चित्र|छवि)"
)
# ... and credit words that may also attribute data ("(स्रोत: आरबीआई)" inside a paragraph
# is kept): they only count on a line of their own.
_CREDIT_WORDS = _PHOTO_WORDS + r"|credit|credits|courtesy|source|साभार|स्रोत|सोर्स|क्रेडिट"
_CREDIT_PAREN_RE = re.compile(
    rf"[\(\[]\s*(?:{_PHOTO_WORDS})(?:\s+(?:credit|courtesy|source|साभार|स्रोत|सोर्स|क्रेडिट))?"
    rf"\s*(?:[:：\-–—/]\s*[^)\]]{{0,60}})?[\)\]]",
    re.IGNORECASE,
)
_CREDIT_ONLY_RE = re.compile(
    rf"^[\(\[]?\s*(?:{_CREDIT_WORDS})(?:\s+\S+)?\s*[\)\]]?\s*$", re.IGNORECASE
)
_CREDIT_LEAD_RE = re.compile(
    # "Photo: X", "इमेज स्रोत, Getty Images", "इमेज कैप्शन, <caption>", "Photo Credit: X"
    rf"^\s*(?:{_CREDIT_WORDS})(?:\s*(?:[:：\-–—|/])|\s+(?:{_CREDIT_WORDS}|caption|कैप्शन)\s*[:：\-–—|/,])\s*\S",
    re.IGNORECASE,
)
_PHOTO_LEAD_RE = re.compile(
    rf"^\s*(?:{_PHOTO_WORDS}|video|videos|वीडियो|watch)\s*(?:\S+\s*)?[:：\-–—|/,]\s*\S",
    re.IGNORECASE,
)
_CREDIT_TAIL_RE = re.compile(
    rf"(?:{_PHOTO_WORDS})\s*[:：\-–—|/]\s*[^\s.।]{{2,30}}(\s+[^\s.।]{{2,30}}){{0,3}}\s*$",
    re.IGNORECASE,
)

# "Also read" style links to other stories.
# "यह भी पढ़ें", "ये खबर भी पढ़ें", "इसे भी पढ़िए", "ये भी देखें" ...
_HI_ALSO = (
    r"(?:यह|ये|इसे|इस|इन्हें)\s+(?:खबर\s+|ख़बर\s+|समाचार\s+|लेख\s+)?भी\s+(?:पढ़ें|पढें|पढ़िए|पढ़िये|देखें|देखिए)"
)
_RELATED_RE = re.compile(
    r"^\s*[\(\[]?\s*(also\s+read|read\s+also|read\s+more|must\s+read|see\s+also|also\s+see|also\s+watch|"
    r"read\s+here|read|related(\s+(news|story|stories|article|articles|posts?))?|more\s+from|watch\s+video|"
    rf"{_HI_ALSO}|"
    r"और\s+पढ़ें|पढ़ें\s+भी|पढ़ें|पढें|वीडियो\s+देखें|देखें\s+वीडियो|"
    r"संबंधित\s+(खबर|खबरें|ख़बर|ख़बरें|समाचार|लेख|पोस्ट)|सम्बंधित\s+(खबर|खबरें|लेख|पोस्ट))\s*[:：\-–—|>»]+\s*\S",
    re.IGNORECASE,
)

# Short page-furniture lines (compared after normalisation, whole line).
# fmt: off
_NAV_WORDS = {
    # English
    "share", "share this", "share this article", "share this story", "share on", "tweet", "email",
    "print", "comments", "comment", "leave a reply", "leave a comment", "next", "previous", "prev",
    "next post", "previous post", "next story", "previous story", "next article", "previous article",
    "read next", "up next", "read more", "more", "load more", "show more", "back to top", "home",
    "tags", "tag", "topics", "follow us", "follow", "subscribe", "advertisement", "sponsored",
    "related posts", "related post", "related stories", "related articles", "related news",
    "you may also like", "you might also like", "recommended", "recommended for you", "trending",
    "trending now", "most read", "most popular", "popular", "latest", "latest news", "top stories",
    "loading", "click here", "download app", "whatsapp", "facebook", "twitter", "linkedin",
    "telegram", "copy link", "listen", "listen to this article", "google news", "more stories",
    "about the author", "photo gallery", "story continues below advertisement", "continue reading",
    "newsletter", "subscribe to our newsletter", "follow us on", "also read", "read also",
    "watch video", "watch", "video", "वीडियो देखें", "देखें वीडियो", "वीडियो",
    "और देखें", "see more", "view more", "view all", "सभी देखें", "accept", "accept all",
    "कमेंट करें", "टिप्पणी करें", "अपनी राय दें", "post a comment", "add a comment",
    "पूरी खबर पढ़ें", "पूरी ख़बर पढ़ें", "पूरा पढ़ें", "read full story", "read the full story",
    "full story", "also watch",
    "reject all", "menu", "search", "sign in", "log in", "login", "लॉग इन", "खोजें", "मेन्यू",
    # Hindi
    "शेयर", "शेयर करें", "शेयर करे", "साझा करें", "अगली खबर", "अगली ख़बर", "अगला लेख", "अगली पोस्ट",
    "अगला पोस्ट", "पिछली खबर", "पिछली ख़बर", "पिछला लेख", "पिछली पोस्ट", "पिछला पोस्ट", "आगे पढ़ें",
    "और पढ़ें", "टैग", "टैग्स", "विषय", "हमें फॉलो करें", "फॉलो करें", "फ़ॉलो करें", "सब्सक्राइब करें",
    "सब्सक्राइब", "विज्ञापन", "संबंधित पोस्ट", "संबंधित खबरें", "संबंधित ख़बरें", "संबंधित खबर",
    "संबंधित लेख", "सम्बंधित पोस्ट", "सम्बंधित खबरें", "ये भी पढ़ें", "यह भी पढ़ें", "ट्रेंडिंग",
    "लेटेस्ट", "ताज़ा खबरें", "ताजा खबरें", "ताज़ा ख़बरें", "टॉप स्टोरी", "टॉप स्टोरीज", "होम",
    "कमेंट", "टिप्पणी", "टिप्पणियाँ", "टिप्पणियां", "लोड हो रहा है", "यहां क्लिक करें", "यहाँ क्लिक करें",
    "ऐप डाउनलोड करें", "आपको यह भी पसंद आ सकता है", "लोकप्रिय", "सबसे ज्यादा पढ़ी गई",
    "खबर सुनें", "ख़बर सुनें", "विस्तार", "लेखक के बारे में", "लेखक परिचय", "फोटो गैलरी",
    "वीडियो गैलरी", "आगे की खबर", "न्यूज़लेटर", "इसे भी पढ़ें", "यह भी देखें", "ये भी देखें",
}
# Markers after which the page continues with *another* story.
_NEXT_STORY_RE = re.compile(
    r"^\s*(next|previous|prev|read\s+next|up\s+next)\s+(post|story|article|news)?\s*[:：»>]*\s*$|"
    r"^\s*(next|previous)\s*[:：»>]+\s*$|"
    r"^\s*(related|recommended|more)\s+(posts?|stories|articles|news)\s*[:：]?\s*$|"
    r"^\s*you\s+(may|might)\s+also\s+like\s*[:：]?\s*$|"
    r"^\s*(अगली|अगला|पिछली|पिछला)\s+(खबर|ख़बर|पोस्ट|लेख|स्टोरी)\s*[:：»>]*\s*$|"
    r"^\s*(संबंधित|सम्बंधित)\s+(पोस्ट|खबरें|ख़बरें|खबर|लेख|समाचार)\s*[:：]?\s*$|"
    r"^\s*आपको\s+यह\s+भी\s+पसंद\s+आ\s+सकता\s+है\s*[:：]?\s*$",
    re.IGNORECASE,
)
_RELATED_HEADING_RE = re.compile(
    r"(related|recommended|also\s+like|more\s+(stories|news)|संबंधित|सम्बंधित|पसंद\s+आ\s+सकता|"
    r"^\s*(latest|more|top|trending|popular|ताज़ा|ताजा|लेटेस्ट|टॉप|ट्रेंडिंग|और|अन्य|बड़ी)\b.*(news|stories|articles|खबरें|ख़बरें|न्यूज़|न्यूज|समाचार|स्टोरीज?)\s*[:：]?\s*$)", re.IGNORECASE
)
_FOOTER_RE = re.compile(
    r"(^\s*(copyright|©|\(c\))|all\s+rights\s+reserved|सर्वाधिकार\s+सुरक्षित|कॉपीराइट\s*©)", re.IGNORECASE
)
# "Next Post: <headline of another story>" on one line.
_NEXT_STORY_GLUED_RE = re.compile(
    r"^\s*(next|previous|prev|read\s+next|up\s+next)\s+(post|story|article|news)\s*[:：»>\-–—]+\s*\S|"
    r"^\s*(अगली|अगला|पिछली|पिछला)\s+(खबर|ख़बर|पोस्ट|लेख|स्टोरी)\s*[:：»>\-–—]+\s*\S",
    re.IGNORECASE,
)
_ALSO_READ_HEADING_RE = re.compile(
    rf"^\s*(also\s+read|read\s+also|must\s+read|see\s+also|also\s+watch|watch\s+also|must\s+watch|{_HI_ALSO}|और\s+पढ़ें)\s*[:：\-–—.…]*\s*$",
    re.IGNORECASE,
)
# Headings of lists of other stories: "Latest Bollywood News", "More from World", "ताज़ा खबरें"
_LIST_HEADING_RE = re.compile(
    r"^\s*((latest|more|top|trending|popular|recommended|related)(\s+\S+){0,3}\s+(news|stories|articles|videos|updates|posts)|"
    r"more\s+from(\s+\S+){1,3}|"
    r"(ताज़ा|ताजा|लेटेस्ट|टॉप|ट्रेंडिंग|और|अन्य|बड़ी)(\s+\S+){0,3}\s+(खबरें|ख़बरें|खबर|न्यूज़|न्यूज|समाचार|स्टोरी|स्टोरीज))\s*[:：]?\s*$",
    re.IGNORECASE,
)
_TAG_HEADINGS = {"tags", "tag", "topics", "keywords", "टैग", "टैग्स", "विषय", "कीवर्ड"}
_CONSENT_RE = re.compile(r"(\bcookies?\b|कुकीज़?|कुकी\s+नीति)", re.IGNORECASE)
_CLICK_HERE_RE = re.compile(r"^\s*(click|tap)\s+here\b|^\s*(यहां|यहाँ)\s+क्लिक\s+करें", re.IGNORECASE)
_READ_HERE_TAIL_RE = re.compile(
    r"((यहां|यहाँ|यहीं)\s+(पढ़ें|पढें|देखें|क्लिक\s+करें)|read\s+(it\s+)?here|click\s+here)\s*[.।!]?\s*$",
    re.IGNORECASE,
)
_TIME_ONLY_RE = re.compile(
    r"^\s*\d{1,2}[:.]\d{2}\s*(a\.?m\.?|p\.?m\.?|बजे)?\s*\(?(IST)?\)?\s*$", re.IGNORECASE
)
_SOCIAL_RE = re.compile(
    r"(whats\s*app|व्हाट्सएप|व्हाट्सऐप|telegram|टेलीग्राम|youtube|यूट्यूब|facebook|फेसबुक|twitter|ट्विटर|"
    r"instagram|इंस्टाग्राम|channel|चैनल|\bapp\b|ऐप|एप|newsletter|न्यूजलेटर|google\s+news|गूगल\s+न्यूज़?)",
    re.IGNORECASE,
)
_CTA_RE = re.compile(
    r"(\bjoin\b|\bfollow\b|\bsubscribe\b|\bdownload\b|\blike\b|जुड़ें|जुड़िए|फॉलो|फ़ॉलो|सब्सक्राइब|डाउनलोड|लाइक)",
    re.IGNORECASE,
)
_PROMO_RE = re.compile(
    r"(^\s*catch\s+all\s+the|^\s*get\s+(all\s+)?(the\s+)?latest|^\s*download\s+(the|our)|^\s*subscribe\s+to|"
    r"stay\s+(tuned|updated|connected)|जुड़े\s+रहें|जुड़े\s+रहिए|पढ़ते\s+रहें|पढ़ते\s+रहिए|बने\s+रहें)",
    re.IGNORECASE,
)
_POLL_RE = re.compile(r"^\s*(poll|quick\s+poll|पोल|सर्वे|ओपिनियन\s+पोल|आपकी\s+राय)\s*[:：]?\s*$", re.IGNORECASE)
# A comment form: "Leave a Reply", "Required fields are marked *", "Name *", "Post Comment"
_COMMENT_FORM_RE = re.compile(
    r"(leave\s+a\s+(reply|comment)|cancel\s+reply|post\s+comment|required\s+fields\s+are\s+marked|"
    r"email\s+address\s+will\s+not\s+be\s+published|save\s+my\s+name|^\s*[\w\u0900-\u097f]+(\s+[\w\u0900-\u097f]+)?\s*\*\s*$|"
    r"\d+\s+(comments?|टिप्पणियां|टिप्पणियाँ|कमेंट्स?)\s*$|अपनी\s+टिप्पणी\s+(दें|लिखें)|आपका\s+ईमेल\s+पता\s+प्रकाशित\s+नहीं)",
    re.IGNORECASE,
)
_TAGS_RE = re.compile(r"^\s*(tags?|topics|टैग्स?|विषय|keywords)\s*[:：]\s*\S", re.IGNORECASE)

# Section names that sit above a headline.
_SECTION_WORDS = {
    "world", "india", "nation", "national", "international", "politics", "business", "sports",
    "sport", "entertainment", "tech", "technology", "science", "health", "lifestyle", "opinion",
    "education", "cricket", "auto", "markets", "economy", "news", "breaking news", "world news",
    "देश", "विदेश", "दुनिया", "राष्ट्रीय", "अंतरराष्ट्रीय", "अंतर्राष्ट्रीय", "राज्य", "राजनीति", "खेल",
    "क्रिकेट", "मनोरंजन", "बिज़नेस", "बिजनेस", "व्यापार", "व्यवसाय", "कारोबार", "टेक", "टेक्नोलॉजी",
    "विज्ञान", "स्वास्थ्य", "लाइफस्टाइल", "जीवनशैली", "शिक्षा", "करियर", "धर्म", "ऑटो", "बाजार",
    "बाज़ार", "अर्थव्यवस्था", "समाचार", "खबरें", "ख़बरें", "न्यूज़", "न्यूज", "देश-विदेश", "मौसम",
    "विचार", "संपादकीय", "ब्लॉग", "वीडियो", "फोटो", "शहर",
}
# fmt: on
# Labels of parts of the article page ("Highlights", "सार") — the text under them is kept.
_HEADING_LABELS = {
    "highlights",
    "key highlights",
    "key points",
    "summary",
    "in short",
    "top points",
    "हाइलाइट्स",
    "हाईलाइट्स",
    "सार",
    "मुख्य बातें",
    "खास बातें",
    "ख़ास बातें",
    "संक्षेप में",
    "मुख्य बिंदु",
    "story highlights",
    "स्टोरी हाइलाइट्स",
    "न्यूज़ हाइलाइट्स",
}
# " - Hindi News", " | Navbharat Times", " - अमर उजाला": a site name after the headline
_SITE_SUFFIX_RE = re.compile(
    r"\s+[|\-–—]\s+([^|\-–—]{0,40}(news|times|\.com|live|samachar|न्यूज़|न्यूज|टाइम्स|डॉट\s*कॉम|समाचार|लाइव|उजाला|जागरण|भास्कर)[^|\-–—]{0,20})$",
    re.IGNORECASE,
)
_SITE_WORD_RE = re.compile(
    r"(news|times|network|\.com|\bweb\b|न्यूज़|न्यूज|टाइम्स|डॉट\s*कॉम|नेटवर्क|वेबसाइट)", re.IGNORECASE
)
_TICKER_LEAD_RE = re.compile(
    r"^\s*((breaking|trending|latest|top|hot|popular)(\s+(news|now|stories|topics|headlines|updates))?|news\s+flash|"
    r"(ब्रेकिंग|ट्रेंडिंग|लेटेस्ट|टॉप)(\s+(न्यूज़?|टॉपिक्स?|स्टोरीज?|खबरें|ख़बरें|अपडेट्स?))?|"
    r"(ताज़ा|ताजा|बड़ी)\s+ख़?बरें)\s*[:：|\-–—]",
    re.IGNORECASE,
)

# Tracking / script residue.
_TRACKING_WORDS = re.compile(
    r"(pixel|analytics|gtag|fbq|tracking|tracker|beacon|tagmanager|googletag|adsbygoogle|datalayer|"
    r"utm_|doubleclick|chartbeat|comscore|quantserve|taboola|outbrain|hotjar|matomo|piwik|noscript)",
    re.IGNORECASE,
)
_CODE_RE = re.compile(
    r"(function\s*\(|\bvar\s+\w+\s*=|\bwindow\.\w|\bdocument\.\w|<\s*/?\s*(script|div|iframe|img|span)\b|\}\s*\)\s*;|\{\s*\"|=>)"
)
_PLACEHOLDER_RE = re.compile(
    r"^\s*(test\s+post|sample\s+(post|page)|hello\s+world!?|lorem\s+ipsum\b.*|untitled|टेस्ट\s+पोस्ट)\s*$",
    re.IGNORECASE,
)
_PLACEHOLDER_PREFIX_RE = re.compile(r"^\s*(test\s+post|sample\s+post|टेस्ट\s+पोस्ट)\s+", re.IGNORECASE)

# Author bio vocabulary (English + Hindi).
_BIO_ROLE_RE = re.compile(
    r"(लेखक|लेखिका|पत्रकार|संवाददाता|उपसंपादक|उप\s*संपादक|संपादक|सह-?संपादक|रिपोर्टर|एंकर|स्तंभकार|"
    r"कॉलमिस्ट|ब्लॉगर|प्रोड्यूसर|डिजिटल\s+टीम|journalist|reporter|correspondent|editor|sub-editor|"
    r"writer|columnist|author|anchor|producer|contributor|blogger|analyst)",
    re.IGNORECASE,
)
_BIO_TRAIT_RE = re.compile(
    r"(years?\s+of\s+experience|experience|covers|covering|writes\s+(about|on)|is\s+a\s+fan|fan\s+of|"
    r"in\s+(his|her|their)\s+(free|spare)\s+time|has\s+worked|worked\s+with|previously\s+worked|"
    r"graduate|alumnus|alumna|passionate|loves|enjoys|"
    r"वर्षों\s+का\s+अनुभव|साल\s+का\s+अनुभव|सालों\s+का\s+अनुभव|वर्षों\s+से|सालों\s+से|अनुभव|"
    r"कवर\s+कर(ते|ती|ता)|लिख(ते|ती|ता)\s+(हैं|है|रहे)|प्रशंसक|फैन|खाली\s+समय|शौक|पसंद\s+कर(ते|ती|ता)|"
    r"काम\s+कर\s+चुके|काम\s+कर\s+चुकी|जुड़े\s+(हैं|रहे)|जुड़ी\s+(हैं|रही)|से\s+पढ़ाई|डिग्री|स्नातक|पूर्व\s+में)",
    re.IGNORECASE,
)
_BIO_PRONOUN_RE = re.compile(
    r"(\bवह\b|\bवे\b|\bउन्होंने\b|\bउनकी\b|\bउनके\b|\bhe\b|\bshe\b|\bhis\b|\bher\b|\bthey\b)",
    re.IGNORECASE,
)
_FIRST_PERSON_RE = re.compile(r"(^|\s)(मैं|मैंने|मुझे|मेरा|मेरी|मेरे|हम|हमने|I|I'm|my)(\s|$|[,.।])")

# A dateline: 1-3 place words, optionally "(Latin transliteration)", ", <day> <month> [year]",
# "(agency)", then a danda/colon/dash.  Only taken when one of the optional parts is there.
_DATELINE_RE = re.compile(
    # (optionally a desk credit first: "संवाद सूत्र, गोरखपुर :", "जागरण संवाददाता, पटना।")
    rf"^(?P<credit>[{DEV} ]{{2,30}}?(?:सूत्र|संवाददाता|ब्यूरो|डेस्क|प्रतिनिधि)\s*,\s*)?(?P<place>[{DEV}]+(?:[ \-][{DEV}]+){{0,2}})\s*(?P<latin>\([A-Za-z .\-]+\))?"
    rf"\s*(?P<date>,\s*[\d०-९]{{1,2}}\s+(?:{'|'.join(sorted(['जनवरी', 'फरवरी', 'फ़रवरी', 'मार्च', 'अप्रैल', 'मई', 'जून', 'जुलाई', 'अगस्त', 'सितंबर', 'सितम्बर', 'अक्टूबर', 'अक्तूबर', 'नवंबर', 'नवम्बर', 'दिसंबर', 'दिसम्बर'], key=len, reverse=True))})(?:\s*,?\s*[\d०-९]{{4}})?)?"
    r"\s*(?P<agency>[\(\[](?:भाषा|वार्ता|एजेंसी|आईएएनएस|एएनआई|पीटीआई|यूएनआई|IANS|PTI|ANI|UNI|Reuters|AFP|AP)[\)\]])?"
    r"(?:\s*[।|:–—\-]\s+|(?<=[\)\]])\s+)"  # (after "(भाषा)" the danda is often left out)
)

_ABOUT_AUTHOR_RE = re.compile(
    r"^\s*(about\s+the\s+(author|writer)|लेखक\s+के\s+बारे\s+में|लेखक\s+परिचय)\s*[:：]?\s*$", re.I
)
# An author's note in parentheses: "(लेखक वरिष्ठ पत्रकार हैं। ये उनके निजी विचार हैं।)"
_AUTHOR_NOTE_RE = re.compile(
    r"^\s*[\(\[]\s*(लेखक|लेखिका|the\s+(author|writer)|author|writer)\b.*[\)\]]\s*[.।]?\s*$", re.I
)

# An English dateline: "NEW DELHI:", "Mumbai, Nov 3 (PTI) -", "LONDON (Reuters) -"
_EN_DATELINE_RE = re.compile(
    r"^(?:(?P<caps>[A-Z][A-Z.]+(?:[ \-][A-Z][A-Z.]+){0,2})|[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})"
    r"\s*(?P<date>,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*(?P<agency>\((?:PTI|IANS|ANI|UNI|Reuters|AFP|AP)\))?"
    r"\s*[:\-–—]\s+"
)

# Stray foreign function words left at the start of a machine-translated Hindi line
# (Romance/Germanic articles and prepositions).
# (not English ones: "A श्रेणी के शहर" is Hindi text)
# fmt: off
_STRAY_LATIN_FUNC = {
    "la", "le", "les", "il", "lo", "gli", "el", "los", "las", "una", "uno", "der", "die",
    "das", "del", "della", "du", "des", "het", "een",
}
# fmt: on
# Hindi postpositions / particles that cannot start a sentence (a cut-off link before them).
_DANGLING_START = {"की", "के", "का", "में", "से", "को", "ने", "पर", "तक"}

# A block after a "next story" marker is another story when its similarity to the article is
# under CleanConfig.off_topic_threshold or under this share of the median similarity of the
# article's own paragraphs (texts that are very coherent get a higher bar).
_RELATIVE_OFF_TOPIC = 0.3
_NGRAM_CHARS = 4000
_LONG_LINE = 5000  # lines longer than this skip the line-shape rules

# Stop-words for the lexical topic check (common function words only).
_STOP = set(
    """के का की में है हैं से को ने और पर यह वह ये वो इस उस इन उन एक भी तो कि जो लिए किया किये किए कर
    करने करते करता करती रहे रहा रही था थे थी गया गई गए कहा होगा होने हो होता होती साथ बाद तक ही नहीं
    अपने अपनी अपना उन्होंने इसके उसके जिसमें जिसे जिस जब तब अब कई कुछ सभी या लेकिन हालांकि क्योंकि बीच
    दौरान द्वारा ऐसे ऐसा ऐसी वाले वाली वाला बात सकता सकते सकती चाहिए जा जाता जाती जाते दिया दी दिए
    the a an of to in on for and or but is are was were be been by with at from as that this it its
    his her their they he she which who what when where will would can could has have had not no
    said says also than then there into over after before about more most new""".split()
)

# fmt: off
_HI_MONTHS = {
    "जनवरी": 1, "जन": 1, "फरवरी": 2, "फ़रवरी": 2, "फरवरि": 2, "मार्च": 3, "अप्रैल": 4, "अप्रेल": 4,
    "मई": 5, "जून": 6, "जुलाई": 7, "अगस्त": 8, "सितंबर": 9, "सितम्बर": 9, "सितंबर,": 9, "अक्टूबर": 10,
    "अक्तूबर": 10, "नवंबर": 11, "नवम्बर": 11, "दिसंबर": 12, "दिसम्बर": 12,
}
_EN_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
# fmt: on
_MONTH_ALT = "|".join(sorted(list(_HI_MONTHS) + list(_EN_MONTHS), key=len, reverse=True))
_WEEKDAY = (
    r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\.?,?\s+|"
    r"(?:सोमवार|मंगलवार|बुधवार|गुरुवार|बृहस्पतिवार|शुक्रवार|शनिवार|रविवार)\s*,?\s+)?"
)
_DATE_PATTERNS = [
    # September 13, 2023 / Sep 13 , 2023 / Wed Sep 13 , 2023
    re.compile(
        rf"{_WEEKDAY}(?<![A-Za-z{DEV}])(?P<mon>{_MONTH_ALT})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s*,?\s*(?P<year>\d{{4}})",
        re.IGNORECASE,
    ),
    # 13 September 2023 / 13 सितंबर, 2023 / 14 Mar 2024 / 3 November 23
    re.compile(
        rf"{_WEEKDAY}(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mon>{_MONTH_ALT})\.?\s*,?\s*(?P<year>\d{{4}}|\d{{2}}(?![\d:.]))",
        re.IGNORECASE,
    ),
    # 2023-09-13
    re.compile(r"(?P<year>\d{4})-(?P<mnum>\d{1,2})-(?P<day>\d{1,2})"),
    # 13/09/2023, 13.09.2023, 13-09-2023 (day first, as in India)
    re.compile(r"(?<![\d.])(?P<day>\d{1,2})[/.\-](?P<mnum>\d{1,2})[/.\-](?P<year>\d{4})(?![\d])"),
]
_TIME_RE = re.compile(
    r"(?P<h>\d{1,2})[:.](?P<m>\d{2})(?::(?P<s>\d{2}))?\s*(?P<ampm>a\.?m\.?|p\.?m\.?|बजे|पूर्वाह्न|अपराह्न)?\s*\(?(?P<tz>IST|GMT|UTC|\+05:?30)?\)?",
    re.IGNORECASE,
)
_DEV_DIGITS = str.maketrans("०१२३४५६७८९", "0123456789")


# --------------------------------------------------------------------------------------
# Dates
# --------------------------------------------------------------------------------------


@dataclass
class DateMatch:
    iso: str
    start: int
    end: int  # span of the date (and time) in the searched text


def parse_date(text: str) -> DateMatch | None:
    """First date (with the time right after it, if any) in ``text`` as ISO 8601.

    English and Hindi month names, Devanagari digits, ``3:22 PM``, ``15:23``, ``IST`` (→
    ``+05:30``).  Returns ``None`` when no valid date is found.
    """
    t = text.translate(_DEV_DIGITS)
    best: tuple[int, re.Match[str]] | None = None
    for pat in _DATE_PATTERNS:
        for m in pat.finditer(t):
            if best is None or m.start() < best[1].start():
                best = (0, m)
            break
    if best is None:
        return None
    m = best[1]
    gd = m.groupdict()
    try:
        year = int(gd["year"])
        if year < 100:
            if gd.get("mon") in _HI_MONTHS:
                return None  # "9 मई 20 लोग": a count, not a year
            year += 2000  # "3 November 23"
        day = int(gd["day"])
        if gd.get("mon"):
            key = gd["mon"].lower().rstrip(".")
            month = _EN_MONTHS.get(key) or _HI_MONTHS.get(gd["mon"].rstrip("."))
        else:
            month = int(gd["mnum"])
        if not month or not (1 <= month <= 12 and 1 <= day <= 31 and 1900 <= year <= 2100):
            return None
        import datetime as _dt

        _dt.date(year, month, day)
    except (ValueError, TypeError):
        return None
    iso = f"{year:04d}-{month:02d}-{day:02d}"
    end = m.end()
    # a time within a few characters after the date ("| 3:22 PM IST", ", 15:23 IST")
    tail = t[end : end + 30]
    tm = re.match(
        r"\s*[,|/\-–—]?\s*(?:at\s+|समय\s*:?\s*|(?:updated|अपडेटेड|अपडेट)\s*:?\s*)?", tail, re.I
    )
    off = tm.end() if tm else 0
    tmatch = _TIME_RE.match(tail, off)
    start = m.start()
    if not tmatch:
        # the time before the date: "10:45 AM, Fri, 3 November 23"
        before = t[max(0, start - 25) : start]
        bm = re.search(
            r"(\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:a\.?m\.?|p\.?m\.?)?\s*(?:IST)?)\s*[,|/\-–—]?\s*$",
            before,
            re.I,
        )
        if bm:
            tail = bm.group(1)
            tmatch = _TIME_RE.match(tail)
            start = start - (len(before) - bm.start())
            end -= len(tail)  # (end is moved back past the date below)
    if tmatch:
        h, mi = int(tmatch["h"]), int(tmatch["m"])
        ampm = (tmatch["ampm"] or "").lower().replace(".", "")
        ampm = {"पूर्वाह्न": "am", "अपराह्न": "pm"}.get(ampm, ampm)
        if ampm == "pm" and h < 12:
            h += 12
        elif ampm == "am" and h == 12:
            h = 0
        if 0 <= h < 24 and 0 <= mi < 60:
            sec = int(tmatch["s"] or 0)
            iso += f"T{h:02d}:{mi:02d}:{sec:02d}"
            tz = (tmatch["tz"] or "").upper()
            if not tz:
                after = t[end + tmatch.end() : end + tmatch.end() + 6]
                if re.match(r"\s*IST\b", after):
                    tz = "IST"
            if tz in ("IST", "+0530", "+05:30"):
                iso += "+05:30"
            elif tz in ("GMT", "UTC"):
                iso += "+00:00"
            end = end + tmatch.end()
    if start < m.start():
        end = m.end()
    return DateMatch(iso=iso, start=start, end=end)


# --------------------------------------------------------------------------------------
# Lexical similarity (TF-IDF over character n-grams of content words)
# --------------------------------------------------------------------------------------


def _content_words(text: str) -> list[str]:
    return [
        w for w in (x.lower() for x in _WORD_RE.findall(text)) if w not in _STOP and not w.isdigit()
    ]


@functools.lru_cache(maxsize=4096)
def _ngrams(text: str, lo: int = 3, hi: int = 5) -> Counter[str]:
    """Character n-grams of the content words (cached: treat the result as read-only).

    Only the first few thousand characters of a block count: enough for its topic, and a
    5 MB one-line article stays fast."""
    c: Counter[str] = Counter()
    text = text[:_NGRAM_CHARS]
    for w in _content_words(text):
        w = f" {w} "
        for n in range(lo, hi + 1):
            if len(w) < n:
                if n == lo:
                    c[w] += 1
                break
            for i in range(len(w) - n + 1):
                c[w[i : i + n]] += 1
    return c


class _TfIdf:
    """TF-IDF over the blocks of one article (the blocks are the documents for IDF)."""

    def __init__(self, docs: Iterable[str]):
        self.grams = [_ngrams(d) for d in docs]
        n = len(self.grams)
        df: Counter[str] = Counter()
        for g in self.grams:
            df.update(g.keys())
        self.idf = {k: math.log((1 + n) / (1 + v)) + 1.0 for k, v in df.items()}

    def weights(self, grams: Counter[str]) -> dict[str, float]:
        return {k: c * self.idf.get(k, 1.0) for k, c in grams.items()}

    def vec(self, grams: Counter[str]) -> dict[str, float]:
        v = self.weights(grams)
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        return {k: x / norm for k, x in v.items()}

    @staticmethod
    def cos(a: dict[str, float], b: dict[str, float]) -> float:
        if len(a) > len(b):
            a, b = b, a
        return sum(x * b.get(k, 0.0) for k, x in a.items())

    def coherence(self, texts: list[str], ref: dict[str, float]) -> list[float]:
        """For each text: max(cosine to ``ref``, cosine to all the *other* texts together).

        The leave-one-out cosine is computed from dot products with the total, so it costs
        one pass over each text (weights are linear in counts, so rest = total - own)."""
        own = [self.weights(_ngrams(t)) for t in texts]
        total: dict[str, float] = {}
        for w in own:
            for k, x in w.items():
                total[k] = total.get(k, 0.0) + x
        tt = sum(x * x for x in total.values())
        out = []
        for w in own:
            aa = sum(x * x for x in w.values())
            at = sum(x * total[k] for k, x in w.items())
            rr = tt - 2 * at + aa
            rest = (at - aa) / math.sqrt(aa * rr) if aa > 0 and rr > 1e-12 else 0.0
            na = math.sqrt(aa) or 1.0
            to_ref = sum(x * ref.get(k, 0.0) for k, x in w.items()) / na
            out.append(max(rest, to_ref))
        return out


# --------------------------------------------------------------------------------------
# Line shape helpers
# --------------------------------------------------------------------------------------


def _norm(text: str) -> str:
    if len(text) > _LONG_LINE:  # (only used to compare short lines; keep long ones cheap)
        return f"#{hash(text)}"
    t = unicodedata.normalize("NFC", text).lower()
    t = re.sub(rf"[^{DEV}\w]+", " ", t)
    return " ".join(t.split())


def _words(text: str) -> list[str]:
    return text.split()


def _terminal_count(text: str) -> int:
    return len(_TERMINAL_RE.findall(text))


def _ends_sentence(text: str) -> bool:
    return bool(re.search(r"([।॥?!.|]|[.।?!][\"'’”)\]]+|\[…\]|…)\s*$", text.strip()[-12:]))


def _glue_points(text: str) -> tuple[int, int]:
    """(strong, weak) places where two headlines look glued together without a space."""
    strong = len(re.findall(rf"[{DEV}][A-Z]", text))  # ...लेनदेनChhattisgarh
    strong += len(re.findall(r"[?!%)][A-Z]", text))  # राय?Reliance (not "है।उन्होंने": a typo)
    strong += len(re.findall(r"[a-z]{3,}[A-Z]{2,}", text))  # ...scamED
    weak = len(re.findall(r"[a-z][A-Z][a-z]", text))  # camelCase (also brand names: YouTube)
    return strong, weak


def _is_embed_residue(text: str) -> bool:
    """What is left of an embedded post: ``pic.twitter.com/...``, ``— Name (@handle) date``."""
    if len(text) > 200:
        return False
    if re.search(
        r"(pic\.twitter\.com/|https?://|www\.|\bt\.co/|instagram\.com/|youtu\.?be)", text, re.I
    ):
        return len(_words(text)) <= 6 or not _ends_sentence(text)
    return bool(re.match(r"^\s*[—–-]\s*.{0,60}\(@\w+\)", text))


def _is_ticker(text: str) -> bool:
    # sentence ends other than "|" (which is also a separator of headline strips)
    terms = len(re.findall(r"[।॥?!]|\.(?=\s|$)", text))
    if _TICKER_LEAD_RE.match(text) and terms <= 2:
        return True
    n = len(text)
    if n < 150:
        return False
    strong, weak = _glue_points(text)
    colon_frags = len(re.findall(r"\S:\s", text))
    if strong >= 3 and strong + weak / 2 >= n / 250:
        return True
    # long run without sentence ends, made of several "Topic: headline" fragments
    if n >= 200 and terms <= n / 300 and (colon_frags + strong) >= 3:
        return True
    # headlines separated by bullets / pipes, none of them a sentence
    segs = [s for s in re.split(r"\s*[•·◆■▪►»|]\s*", text) if s.strip()]
    if len(segs) >= 4 and all(len(s) < 120 and len(_words(s)) >= 2 for s in segs) and terms <= 1:
        return True
    return False


def _is_menu(text: str) -> bool:
    """``होम | देश | खेल``, ``Home » World » Asia``: several one-to-three-word items."""
    segs = [s for s in re.split(r"\s*[|•·»>]\s*|\s+/\s+", text) if s.strip()]
    return (
        len(segs) >= 3
        and len(text) < 200
        and all(len(_words(s)) <= 3 and re.search(rf"[A-Za-z{DEV}]", s) for s in segs)
    )


def _is_tracking(text: str) -> bool:
    t = text.strip()
    if _CODE_RE.search(t):
        return True
    if " " not in t and _LAT_RE.search(t) and not _DEV_RE.search(t):
        if _TRACKING_WORDS.search(t):
            return True
        # a lone id-like token: lowercase/digits/underscores, long, no vowels pattern of a word
        if len(t) >= 12 and re.fullmatch(r"[a-z0-9_\-.]+", t):
            return True
    return False


def _is_metadata(text: str, *, header: bool) -> bool:
    t = text.strip()
    if len(t) > 600:
        return False  # stamps, bylines and credits are short
    dm = parse_date(t)
    if dm is not None:
        segs = [x for x in re.split(r"\s+[|•·]\s+", t) if x.strip()]
        if len(segs) >= 2 and len(t) < 200 and all(len(_words(x)) <= 8 for x in segs):
            return True  # "aajtak.in | जयपुर | 26 मई 2024, अपडेटेड 11:30 AM IST"
        st = _STAMP_RE.search(t)
        if st and len(t) < 400 and dm.start - st.end() <= 40:
            return True
        # "... Published by: X Updated Mon, 14 Oct 2024 11:20 AM IST"
        kw = _META_KEYWORDS.search(t[max(0, dm.start - 25) : dm.start])
        if kw and len(t) < 250 and not _ends_sentence(t):
            return True
        # a line that is (almost) only a date/time
        rest = (t.translate(_DEV_DIGITS)[: dm.start] + t.translate(_DEV_DIGITS)[dm.end :]).strip(
            " ,|-–—:()"
        )
        rest_words = rest.lower().split()
        if (len(rest) <= 12 or len(rest_words) <= 2) and not any(
            w in _STOP or w in _DANGLING_START for w in rest_words
        ):
            return True  # (not "15 अगस्त 1947 को आजादी": a subheading with a date)
        # "By X | September 13, 2023"
        if _BYLINE_RE.match(t) and len(t) < 200:
            return True
    if len(t) < 120 and (_BYLINE_RE.match(t) and not _ends_sentence(t)):
        return True
    if len(t) < 80 and _AGENCY_CREDIT_RE.match(t):
        return True
    if _READ_TIME_RE.match(t):
        return True
    if header and _STAMP_RE.match(t) and len(t) < 80 and re.search(r"\d", t):
        return True
    if len(t) < 60 and (_RELATIVE_TIME_RE.match(t) or _TIME_ONLY_RE.match(t)):
        return True  # "2 घंटे पहले", a live blog's "11:45 AM"
    if _DISCLAIMER_RE.match(t) and len(t) < 600:
        return True
    return False


def _is_caption(text: str) -> bool:
    t = text.strip()
    n = len(t)
    if n < 40 and _CREDIT_ONLY_RE.match(t):
        return True  # "फाइल फोटो", "Representational image"
    m = _CREDIT_LEAD_RE.match(t)
    if m and n < 250 and len(_words(t[m.end() - 1 :])) <= 4:
        return True  # "Photo: Reuters" ("Photos: <a headline>" is decided after the title)
    m = _CREDIT_PAREN_RE.search(t)
    if m and n < 400 and _terminal_count(t[: m.start()]) <= 2:
        # a short description ending in a credit
        return len(t[m.end() :].strip(" .।")) <= 3
    if n < 200 and _CREDIT_TAIL_RE.search(t) and _terminal_count(t) <= 1:
        return True
    return _is_bilingual(t)


def _is_bilingual(t: str) -> bool:
    """An English sentence followed by a Hindi one (or the reverse): an image alt text."""
    if len(t) > 500:
        return False
    # (":" is no separator here: "Lok Sabha Election Result 2024: ..." is a headline)
    m = re.match(rf"^([A-Za-z0-9][A-Za-z0-9 ,'’‘\-–;%&()]+?)\s*[,.|\-–—]\s*([{DEV}].*)$", t)
    if m:
        eng, hin = m.group(1), m.group(2)
        lower = sum(1 for w in _words(eng) if w[:1].islower())  # a sentence, not a Title Case topic
        if (
            len(_words(eng)) >= 5
            and lower >= 3
            and len(_words(hin)) >= 4
            and not _LAT_RE.search(hin[:40])
        ):
            if _terminal_count(hin) <= 1:
                return True
    m = re.match(
        rf"^([{DEV}][^A-Za-z]+?)\s*[,.|।\-–—]\s*([A-Z][A-Za-z0-9 ,'’‘\-–:;%&()]+[.!?]?)$", t
    )
    if m:
        hin, eng = m.group(1), m.group(2)
        lower = sum(1 for w in _words(eng) if w[:1].islower())
        if (
            len(_words(eng)) >= 5
            and lower >= 3
            and len(_words(hin)) >= 4
            and _terminal_count(hin) <= 1
        ):
            return True
    return False


def _is_promo(text: str) -> bool:
    """The site talking about itself: "हमारे व्हाट्सएप चैनल से जुड़ें", "Download the app",
    "Catch all the Business News ... on <site>", "ताजा अपडेट के लिए हमारे साथ जुड़े रहें"."""
    if _PROMO_RE.search(text):
        return True
    if (
        re.search(r"(\bour\b|\bus\b|हमारे|हमसे|हमें|हमारी)", text, re.I)
        and _SOCIAL_RE.search(text)
        and _CTA_RE.search(text)  # a call to action, not a quote ("हमारे ऐप से किसानों को ...")
    ):
        return len(_words(text)) <= 15
    return len(re.findall(r"\bnews\b|न्यूज़|न्यूज", text, re.I)) >= 3


def _is_related(text: str) -> bool:
    if len(text) < 150 and _READ_HERE_TAIL_RE.search(text):
        return True  # "Budget 2024: बजट से जुड़ी सभी खबरें यहां पढ़ें"
    return bool(_RELATED_RE.match(text))


def _nav_key(text: str) -> str:
    return _norm(text)


def _is_navigation(text: str) -> bool:
    key = _nav_key(text)
    if len(text) < 200 and _COMMENT_FORM_RE.search(text):
        return True
    if len(text) <= 12 and not re.search(r"[A-Za-z\u0900-\u0963\u0971-\u097f]", text):
        return True  # "1/5", "»", "***": counters and symbols
    if _CONSENT_RE.search(text) and len(text) < 300:
        return True  # cookie / consent banner
    if _CLICK_HERE_RE.match(text) and len(_words(text)) <= 10:
        return True
    if len(text) < 300 and _is_promo(text):
        return True
    if _LIST_HEADING_RE.match(text) or _ALSO_READ_HEADING_RE.match(text):
        return True
    if key in _HEADING_LABELS:
        return False  # a label of a part of the article (see section-label)
    if not key:
        return True  # only punctuation / symbols
    if _FOOTER_RE.search(text) and len(text) < 250:
        return True
    if re.fullmatch(r"(\s*#\S+){2,}\s*", text):  # a line of hashtags
        return True
    if _NEXT_STORY_GLUED_RE.match(text):
        return True
    if key in _NAV_WORDS:
        return True
    if _NEXT_STORY_RE.match(text):
        return True
    if _TAGS_RE.match(text) and not _ends_sentence(text):
        return True
    if (
        len(key.split()) <= 6
        and re.match(r"^(share|follow|शेयर|फॉलो|फ़ॉलो|हमें\s+फॉलो|हमें\s+फ़ॉलो)", key)
        and not _ends_sentence(text)
    ):
        return True
    return _is_menu(text)


def _bio_score(text: str) -> int:
    s = 0
    if _BIO_ROLE_RE.search(text):
        s += 2
    s += min(2, len(_BIO_TRAIT_RE.findall(text)))
    if _BIO_PRONOUN_RE.search(text):
        s += 1
    # "X works at <news org>" / "X न्यूज़18 में ... हैं"
    if re.search(
        r"(न्यूज़|न्यूज|news|times|टाइम्स|डॉट\s*कॉम|\.com|डिजिटल|digital)\S*\s+(में|with|at|के\s+साथ)",
        text,
        re.IGNORECASE,
    ):
        s += 1
    return s


def _is_paragraph_like(text: str) -> bool:
    """Long, or two sentences ("|" counts as a danda only on a line that also has "।")."""
    if len(text) >= 120:
        return True
    n = _terminal_count(text)
    if "।" not in text:
        n -= len(re.findall(r"\|(?=\s|$)", text))
    return n >= 2


def _is_headline_shape(text: str) -> bool:
    """One line, 3+ words, no sentence end inside or at the end (a final ? or ! is allowed)."""
    n = len(text)
    w = len(_words(text))
    t = text.rstrip()
    if t.endswith(("।", ".", "|", "॥", ":", ";", ",")) and not t.endswith("..."):
        return False
    return 15 <= n <= 250 and w >= 3 and _terminal_count(t.rstrip("!?\"'’”) ")) == 0


# --------------------------------------------------------------------------------------
# The cleaner
# --------------------------------------------------------------------------------------


@dataclass
class _Line:
    idx: int  # 0-based raw line number
    text: str
    label: str = ""  # "" = undecided, "body", "title" or a removal reason
    flags: list[str] = field(default_factory=list)
    blank_before: bool = False
    maybe: str = ""  # a removal reason to apply unless the line turns out to be the title


def _sentences(text: str, lang: str) -> list[str]:
    from summarize.segment import split_sentences  # helper A's segmenter

    return [s for s in split_sentences(text, lang=lang) if s.strip()]


def _guess_lang(text: str) -> str:
    dev = len(_DEV_RE.findall(text))
    lat = len(_LAT_RE.findall(text))
    return "hi" if dev >= lat else "en"


def clean_article(article: Article, config: CleanConfig | None = None) -> CleanArticle:
    """Clean one scraped article: extract title and date, keep the body, record removals.

    Never raises on odd text: an empty page or a page that is all boilerplate gives an
    article with no paragraphs and every removed line recorded.
    """
    return _clean(article, config)[0]


def line_labels(article: Article, config: CleanConfig | None = None) -> dict[int, str]:
    """Raw line number (0-based) -> ``title``, ``body`` or the removal reason, for every
    non-empty line (used by the gold benchmark, ``benchmarks/cleaning.py``)."""
    return _clean(article, config)[1]


def _clean(article: Article, config: CleanConfig | None) -> tuple[CleanArticle, dict[int, str]]:
    cfg = config or CleanConfig()
    raw = html.unescape(article.raw_text or "").replace("\r\n", "\n").replace("\r", "\n")
    raw = raw.replace("\u00a0", " ").replace("\u200b", "").replace("\ufeff", "")
    lang = _guess_lang(raw[:5000]) if raw.strip() else "hi"

    lines: list[_Line] = []
    blank = False
    for i, ln in enumerate(raw.split("\n")):
        t = " ".join(ln.split())
        if not t:
            blank = True
            continue
        lines.append(_Line(i, t, blank_before=blank))
        blank = False

    removed: list[Removed] = []
    flagged: list[Removed] = []
    diagnostics: dict[str, float] = {}
    extra_removed: list[tuple[int, Removed]] = []  # spans cut out of kept lines

    # ---- pass 1: shape rules ---------------------------------------------------------
    for ln in lines:
        t = ln.text
        if len(t) > _LONG_LINE:
            continue  # a whole article on one line: no boilerplate shape is this long
        if _is_tracking(t):
            ln.label = "tracking"
        elif _PLACEHOLDER_RE.match(t) or _is_embed_residue(t):
            ln.label = "artefact"
        elif _is_ticker(t):
            ln.label = "ticker"
        elif _is_related(t):
            ln.label = "related-link"
        elif _is_metadata(t, header=False):
            ln.label = "metadata"
        elif _is_navigation(t):
            ln.label = "navigation"
        elif _norm(t) in _SECTION_WORDS or _norm(t) in _HEADING_LABELS:
            ln.label = "section-label"
        elif _is_caption(t):
            ln.label = "caption"
        elif _PHOTO_LEAD_RE.match(t) and len(t) < 250:
            ln.maybe = "caption"  # "Photo: <description>" ... or a gallery's headline

    # ---- pass 2: "next story" markers: everything after is a candidate other story -----
    next_at = None
    for k, ln in enumerate(lines):
        if ln.label == "navigation" and (
            _NEXT_STORY_RE.match(ln.text) or _NEXT_STORY_GLUED_RE.match(ln.text)
        ):
            next_at = k
            break

    # ---- pass 3: title ----------------------------------------------------------------
    end = next_at if next_at is not None else len(lines)
    main = lines[:end]
    body_like = [ln for ln in main if not ln.label and _is_paragraph_like(ln.text)]
    title: str | None = (article.title or "").strip() or None
    title_idx: int | None = None
    first_para = next((k for k, ln in enumerate(main) if ln in body_like), len(main))
    tfidf = _TfIdf([ln.text for ln in lines if not ln.label] or [""])
    body_vec = tfidf.vec(_ngrams(" ".join(ln.text for ln in body_like[:6])))
    if title is None:
        cands = [
            (k, ln)
            for k, ln in enumerate(main[: max(first_para, 1)])
            if not ln.label and _is_headline_shape(ln.text)
        ]
        if not cands:
            # no headline-shaped line: take the first short line, unless it is the only text
            free = [(k, ln) for k, ln in enumerate(main) if not ln.label]
            if (
                len(free) >= 2
                and len(_words(free[0][1].text)) >= 2
                and len(free[0][1].text) <= 200
                and _terminal_count(free[0][1].text.rstrip("।.!? ")) == 0
                and not free[0][1].text.rstrip().endswith(("।", ".", "|", "॥", ":", ";", ","))
            ):
                cands = free[:1]
        if cands:
            sims = [
                tfidf.cos(tfidf.vec(_ngrams(ln.text)), body_vec) if body_like else 1.0
                for _, ln in cands
            ]
            top = max(sims)
            bar = max(0.5 * top, min(cfg.off_topic_threshold, top))
            n_free = sum(1 for ln in main if not ln.label)
            # a "Photo: ..."/"Video: ..." line is the title only when nothing else can be
            if any(not ln.maybe and s >= bar for (_, ln), s in zip(cands, sims, strict=True)):
                sims = [0.0 if ln.maybe else s for (_, ln), s in zip(cands, sims, strict=True)]
            for (k, ln), s in zip(cands, sims, strict=True):
                if s >= bar and n_free >= 2:
                    title_idx = k
                    title = ln.text
                    ln.label = "title"
                    break
    if title:
        m = _SITE_SUFFIX_RE.search(title)
        if m and len(title) - len(m.group(0)) >= 15:
            title = title[: m.start()].rstrip()
    if title and title_idx is None:
        # a given title (from the record): find it on the page, also in another wording
        tv = tfidf.vec(_ngrams(title))
        for k, ln in enumerate(main[:first_para]):
            if ln.label:
                continue
            if _norm(ln.text) == _norm(title) or (
                _is_headline_shape(ln.text) and tfidf.cos(tv, tfidf.vec(_ngrams(ln.text))) >= 0.5
            ):
                # (in other words it is recorded as a removed duplicate of the given title)
                ln.label = "title" if _norm(ln.text) == _norm(title) else "duplicate"
                title_idx = k
                break

    for ln in lines:
        if ln.maybe and not ln.label:
            ln.label = ln.maybe

    # ---- pass 4: header region (above the first body paragraph) ----------------------
    head_end = first_para
    n_heads = sum(
        1 for x in main[: title_idx or 0] if not x.label and _is_headline_shape(x.text)
    )  # headlines above the title
    for k, ln in enumerate(main[:head_end]):
        if ln.label:
            continue
        words = len(_words(ln.text))
        if len(ln.text) < 80 and words <= 8 and _DESK_RE.search(ln.text):
            ln.label = "metadata"  # "जागरण संवाददाता, नई दिल्ली।", "Web Desk"
        elif title_idx is not None and k < title_idx:
            # above the headline: section labels, stray fragments, other headlines
            if words <= 2 and not _ends_sentence(ln.text):
                ln.label = "section-label"
            elif words <= 6 and not _ends_sentence(ln.text):
                ln.label = "artefact"
            elif _is_headline_shape(ln.text):
                # headlines of other stories above the real one
                ln.label = "ticker" if n_heads >= 2 else "off-topic"
            else:
                ln.flags.append("artefact")
        elif _is_metadata(ln.text, header=True):
            ln.label = "metadata"
    # a short "City, Country" dateline beside a metadata line in the header
    for k, ln in enumerate(main[:head_end]):
        if ln.label:
            continue
        near_meta = any(
            0 < abs(j - k) <= 2 and main[j].label == "metadata"
            for j in range(max(0, k - 2), min(len(main), k + 3))
        )
        if (
            near_meta
            and len(_words(ln.text)) <= 4
            and len(ln.text) <= 40
            and not _ends_sentence(ln.text)
        ):
            ln.label = "metadata"
        elif (
            title_idx is not None
            and k == title_idx + 1
            and 2 <= len(_words(ln.text)) <= 4
            and not re.search(r"[\d०-९]", ln.text)
            and not _ends_sentence(ln.text)
            and not any(w in _STOP or w in _DANGLING_START for w in ln.text.lower().split())
        ):
            ln.label = "metadata"  # a name right under the headline: the byline

    # ---- pass 5: the story after a "next story" marker -----------------------------------
    ref_text = " ".join([title or ""] + [ln.text for ln in body_like[:3]])
    ref_vec = tfidf.vec(_ngrams(ref_text))
    main_lines = [ln for ln in main if not ln.label]
    main_total: Counter[str] = Counter()
    for ln in main_lines:
        main_total.update(_ngrams(ln.text))
    main_vec = tfidf.vec(main_total + _ngrams(title or ""))
    # how coherent this article's own paragraphs are (the bar scales with it)
    long_main = [ln.text for ln in main_lines if len(ln.text) >= 60]
    own_sims = sorted(tfidf.coherence(long_main, ref_vec)) if len(long_main) >= 2 else []
    median_sim = own_sims[len(own_sims) // 2] if own_sims else 0.0
    off_bar = max(cfg.off_topic_threshold, _RELATIVE_OFF_TOPIC * median_sim)
    if next_at is not None:
        tail = lines[next_at + 1 :]
        tail_grams = Counter()
        for ln in tail:
            if ln.label not in ("navigation", "tracking"):
                tail_grams.update(_ngrams(ln.text))
        tv = tfidf.vec(tail_grams)
        sim = max(tfidf.cos(tv, ref_vec), tfidf.cos(tv, main_vec)) if tail_grams else 0.0
        related_list = bool(_RELATED_HEADING_RE.search(lines[next_at].text))
        for ln in tail:
            if ln.label:
                continue  # boilerplate of its own kind (a date line, "Share" ...)
            if not cfg.topic_check or sim < off_bar:
                # under a "Related ..." heading a list of headlines; after "Next ..." a story
                ln.label = (
                    "related-link" if related_list and _is_headline_shape(ln.text) else "off-topic"
                )
            elif ln.label == "":
                ln.flags.append("off-topic")  # after "Next ..." but on topic: keep, mark
        diagnostics["next_story_similarity"] = round(sim, 4)
    diagnostics["off_topic_bar"] = round(off_bar, 4)

    # ---- pass 6: links under an "Also read" / "Related" heading -> related-link ---------
    for k, ln in enumerate(lines):
        if ln.label != "navigation":
            continue
        also = bool(_ALSO_READ_HEADING_RE.match(ln.text))
        related = bool(_RELATED_HEADING_RE.search(ln.text))
        if not (also or related):
            continue
        j = k + 1
        while j < len(lines) and not lines[j].label and _is_headline_shape(lines[j].text):
            # the first headline after "Also read", and every headline of a "Related"
            # list, is a link; further lines after "Also read" only when off the topic
            sim = tfidf.cos(tfidf.vec(_ngrams(lines[j].text)), ref_vec)
            if related or j == k + 1 or sim < off_bar:
                lines[j].label = "related-link"
            else:
                lines[j].flags.append("related-link")
                break
            j += 1

    # a poll widget: its heading, the question and the short answer options
    for k, ln in enumerate(lines):
        # (only when a question follows: "सर्वे" may also head a real paragraph)
        if (
            ln.label in ("", "navigation")
            and _POLL_RE.match(ln.text)
            and k + 1 < len(lines)
            and lines[k + 1].text.rstrip().endswith("?")
        ):
            ln.label = "navigation"
            j = k + 1
            while (
                j < len(lines)
                and not lines[j].label
                and len(_words(lines[j].text)) <= 10
                and len(lines[j].text) < 80
            ):
                lines[j].label = "navigation"
                j += 1

    # ---- pass 7: duplicates -----------------------------------------------------------
    seen: set[str] = set()
    if title:
        seen.add(_norm(title))
    for ln in lines:
        if ln.label == "title":
            continue
        if ln.label:
            continue
        key = _norm(ln.text)
        tkey = _norm(title or "")
        if key and (
            key in seen
            or (
                tkey
                and len(tkey) >= 20
                and _is_headline_shape(ln.text)
                and tkey in key
                and len(key) <= len(tkey) + 40
            )
        ):
            ln.label = "duplicate"  # (also the headline again with a site name added)
        else:
            seen.add(key)

    # ---- pass 8: trailing author bio and trailing fragments --------------------------
    byline_names = set()
    for ln in main:
        if ln.label == "metadata":
            for m in _BYLINE_NAME_RE.finditer(ln.text):
                name = m.group("name").strip()
                if len(name) >= 4 and not parse_date(name):
                    byline_names.add(name)
    tail_idx = [k for k, ln in enumerate(main) if not ln.label]
    for k in reversed(tail_idx[-2:]):
        ln = main[k]
        score = _bio_score(ln.text) if len(ln.text) < 1500 else 0
        if any(ln.text.startswith(n) for n in byline_names):
            score += 3  # a closing paragraph about the person in the byline
        after_heading = k > 0 and _ABOUT_AUTHOR_RE.match(main[k - 1].text or "") is not None
        if _AUTHOR_NOTE_RE.match(ln.text) and len(ln.text) < 400:
            ln.label = "author-bio"  # "(लेखक वरिष्ठ पत्रकार हैं ...)"
        elif (
            (score >= 4 or (after_heading and score >= 2))
            and len(ln.text) < 600
            and not _FIRST_PERSON_RE.search(ln.text[:200])
        ):
            ln.label = "author-bio"
        elif score >= 3:
            ln.flags.append("author-bio")
            break
        else:
            break
    # after the last sentence of the article: short lines that are no sentence
    # (on a Hindi page the article's last sentence is a Hindi one: English after it is furniture)
    last_sent = max(
        (
            k
            for k, ln in enumerate(lines)
            if not ln.label
            and _ends_sentence(ln.text)
            and (lang != "hi" or _DEV_RE.search(ln.text))
        ),
        default=None,
    )
    if last_sent is not None:
        after_tags = False
        tail_heads: list[_Line] = []
        for ln in lines[last_sent + 1 :]:
            if ln.label == "navigation" and _norm(ln.text) in _TAG_HEADINGS:
                after_tags = True
            latin_only = lang == "hi" and not _DEV_RE.search(ln.text)
            if ln.label or len(ln.text) > (300 if latin_only else 100):
                continue
            if _ends_sentence(ln.text) and not latin_only:
                continue
            if _SITE_WORD_RE.search(ln.text) or after_tags:
                ln.label = "navigation"  # footer: a site name; the items of a tag list
            elif len(_words(ln.text)) <= 3 and re.search(r"[\d०-९]", ln.text):
                ln.flags.append("artefact")  # "रेटिंग: 4.5/5": numbers are information
            elif len(_words(ln.text)) <= 3:
                ln.label = "artefact"  # a lone word or two left at the end of the page
            elif (
                _is_headline_shape(ln.text)
                and tfidf.cos(tfidf.vec(_ngrams(ln.text)), ref_vec) < off_bar
            ):
                tail_heads.append(ln)  # other stories' headlines? (decided below)
            elif lang == "hi" and not _DEV_RE.search(ln.text):
                ln.label = "navigation"  # English boilerplate at the end of a Hindi page
            else:
                ln.flags.append("navigation")
        # two or more unrelated headlines under the article are a list of links; a single
        # one may be the article's own last line without a full stop: keep it, flagged
        for ln in tail_heads:
            if len(tail_heads) >= 2:
                ln.label = "related-link"
            else:
                ln.flags.append("related-link")

    # ---- pass 9: coherence of remaining body lines (flag only) ----------------------
    body_lines = [ln for ln in lines if not ln.label]
    if cfg.topic_check and len(body_lines) >= 3:
        sims = tfidf.coherence([ln.text for ln in body_lines], ref_vec)
        for ln, sim_ in zip(body_lines, sims, strict=True):
            if (
                len(ln.text) >= 100
                and "off-topic" not in ln.flags
                and sim_ < cfg.off_topic_threshold
            ):
                ln.flags.append("off-topic")

    # ---- pass 10: in-line cleanup of kept lines ---------------------------------------
    first_body = next(
        (ln for ln in body_lines if len(ln.text) >= 120 or _terminal_count(ln.text) >= 2), None
    )
    for ln in body_lines:
        t = ln.text
        opening = ln is first_body  # a weak dateline is only taken where datelines are
        m = _PLACEHOLDER_PREFIX_RE.match(t)
        if m:
            extra_removed.append((ln.idx, Removed(m.group(0).strip(), "artefact", ln.idx)))
            t = t[m.end() :]
        # a dateline opening the first paragraph: "नई दिल्ली, 2 जुलाई (भाषा)।", "मास्को (Moscow)।"
        m = _DATELINE_RE.match(t)
        if (
            m
            and (
                m.group("latin")
                or m.group("date")
                or m.group("agency")
                or m.group("credit")
                # a bare place: 1-2 words, no function word ("मुंबई:", not "उन्होंने कहा:")
                or (
                    opening
                    and len(m.group("place").split()) <= 2
                    and not any(
                        w in _STOP or w in _DANGLING_START for w in m.group("place").split()
                    )
                    and m.group(0).rstrip().endswith((":", "।"))
                )
            )
            and len(_words(t[m.end() :])) >= 5
        ):
            extra_removed.append((ln.idx, Removed(m.group(0).strip(), "metadata", ln.idx)))
            t = t[m.end() :]
        m = _EN_DATELINE_RE.match(t)
        if (
            m
            and (m.group("date") or m.group("agency") or (opening and m.group("caps")))
            and len(_words(t[m.end() :])) >= 5
        ):
            extra_removed.append((ln.idx, Removed(m.group(0).strip(), "metadata", ln.idx)))
            t = t[m.end() :]
        # a stray foreign article glued before a Hindi sentence ("La रूस मदद करेगा ...")
        m = re.match(rf"^([A-Za-z]{{1,4}})\s+(?=[{DEV}])", t)
        if m and m.group(1).lower() in _STRAY_LATIN_FUNC and lang == "hi":
            extra_removed.append((ln.idx, Removed(m.group(1), "artefact", ln.idx)))
            t = t[m.end() :]
        # an inline photo credit in a long paragraph
        m = _CREDIT_PAREN_RE.search(t) if len(t) < _LONG_LINE else None
        if m:
            extra_removed.append((ln.idx, Removed(m.group(0), "caption", ln.idx)))
            t = (t[: m.start()] + t[m.end() :]).strip()
        # "[…]" / "Read more" truncation marks
        m = re.search(
            r"\s*(\[\s*(…|\.\.\.)\s*\]|(read\s+more|आगे\s+पढ़ें|और\s+पढ़ें)\s*[»>]*)\s*$", t, re.I
        )
        if m:
            extra_removed.append((ln.idx, Removed(m.group(0).strip(), "navigation", ln.idx)))
            t = t[: m.start()].rstrip()
        first = t.split(" ", 1)[0] if t else ""
        if first in _DANGLING_START:
            ln.flags.append("artefact")
        strong = _glue_points(t)[0] if len(t) < 3000 else 0
        if strong >= 2 and len(t) >= 100:
            ln.flags.append("ticker")
        ln.text = t
        if not t.strip():
            ln.label = "artefact"

    # ---- date ------------------------------------------------------------------------
    date_iso: str | None = None
    date_raw: str | None = None
    if article.date:
        dm = parse_date(article.date)
        date_raw = article.date
        date_iso = dm.iso if dm else article.date
    else:
        best: tuple[int, _Line, DateMatch] | None = None
        for ln in main:  # not the date of the story after "Next Post"
            if ln.label != "metadata":
                continue
            dm = parse_date(ln.text)
            if dm is None:
                continue
            rank = (
                0
                if re.search(r"(publish|posted|प्रकाशित|पब्लिश)", ln.text, re.I)
                else (1 if _META_KEYWORDS.search(ln.text) else 2)
            )
            if best is None or rank < best[0]:
                best = (rank, ln, dm)
        if best is not None:
            date_iso = best[2].iso
            date_raw = (
                best[1].text[: best[2].end].strip()
                if best[2].end < len(best[1].text)
                else best[1].text
            )
            date_raw = date_raw.strip()
        elif article.url:
            # many news URLs carry the date: /2023/09/13/..., -2023-09-13-, 20230913
            m = re.search(
                r"(?<!\d)(20\d\d)[/\-_]?(0[1-9]|1[0-2])[/\-_]?(0[1-9]|[12]\d|3[01])(?!\d)",
                article.url,
            )
            if m:
                dm = parse_date(f"{m.group(1)}-{m.group(2)}-{m.group(3)}")
                if dm:
                    date_iso, date_raw = dm.iso, article.url

    # ---- assemble ----------------------------------------------------------------------
    extra_by_line: dict[int, list[Removed]] = {}
    for i, r in extra_removed:
        extra_by_line.setdefault(i, []).append(r)
    paragraphs: list[list[str]] = []
    labels: dict[int, str] = {}
    for ln in lines:
        labels[ln.idx] = ln.label or "body"
        for r in extra_by_line.get(ln.idx, []):
            removed.append(r)
        if ln.label == "title":
            continue
        if ln.label:
            removed.append(Removed(ln.text, ln.label, ln.idx))
            continue
        sents = []
        for s in _sentences(ln.text, lang):
            if len(s.strip()) >= cfg.min_sentence_chars:
                sents.append(s)
            elif sents and not re.search(r"[A-Za-z0-9\u0900-\u0963\u0966-\u097f]", s):
                sents[-1] = (
                    f"{sents[-1]} {s.strip()}"  # a doubled danda "। ।" stays with its sentence
                )
            else:
                removed.append(Removed(s, "artefact", ln.idx))  # a stray letter
        if not sents:
            removed.append(Removed(ln.text, "artefact", ln.idx))
            labels[ln.idx] = "artefact"
            continue
        paragraphs.append(sents)
        for f in dict.fromkeys(ln.flags):
            flagged.append(Removed(ln.text, f, ln.idx))

    ca = CleanArticle(
        id=article.id,
        source=article.source,
        title=title,
        date=date_iso,
        url=article.url,
        paragraphs=paragraphs,
        removed=removed,
        flagged=flagged,
        lang=lang,
        date_raw=date_raw,
        meta={**article.meta, "clean": diagnostics},
    )
    return ca, labels


def clean_articles(
    articles: Iterable[Article], config: CleanConfig | None = None
) -> list[CleanArticle]:
    """:func:`clean_article` over many articles."""
    return [clean_article(a, config) for a in articles]
