"""The vocabularies and regular expressions of web boilerplate that the cleaner looks for.

Small multilingual (English/Hindi, common spellings) vocabularies of the words page furniture
is made of: publication stamps ("updated", "अपडेट"), bylines and agency credits, photo
credits ("फोटो", "छवि"), "also read" links ("यह भी पढ़ें"), navigation and share buttons,
"next story" markers, promos of the site, poll and comment widgets, section names, author
bios and datelines.  None of them is a string copied from a particular page.  The shape
rules that combine them are in :mod:`summarize.clean.shapes`.
"""

from __future__ import annotations

import re

from summarize.lang.dates import EN_MONTH_NAMES, EN_WEEKDAY_NAMES, HI_MONTH_NAMES
from summarize.lang.numbers import HI_NUMBER_WORDS
from summarize.lang.script import DEVANAGARI as DEV

DEV_RE = re.compile(f"[{DEV}]")
LAT_RE = re.compile(r"[A-Za-z]")
WORD_RE = re.compile(rf"[{DEV}\w]+", re.UNICODE)
TERMINAL_RE = re.compile(r"[।॥?!]|\.(?=\s|$|[\"'’”)\]])|\|(?=\s|$)")
_HI_MONTH_ALT = "|".join(sorted(HI_MONTH_NAMES, key=len, reverse=True))


# Keywords that make a date line a publication/update stamp.
META_KEYWORDS = re.compile(
    r"(updated|update|published|posted|modified|last\s+edited|first\s+published|"
    r"अपडेट|अपडेटेड|अद्यतन|प्रकाशित|प्रकाशन|पब्लिश|पब्लिश्ड|पोस्ट\s+किया|संशोधित|आखरी|आख़री|आखिरी|अंतिम)",
    re.IGNORECASE,
)
# A publication stamp: the keyword opens the line or a "|"-separated segment of it
# ("Last Updated- ...", "आखरी अपडेट: ...", "By X | Updated: ...").
STAMP_RE = re.compile(
    r"(?:^|[|•·]\s*)[\(\[]?\s*(?:last\s+|first\s+|date\s+)?(?:updated|update|published|posted|modified|edited|"
    r"(?:आखरी|आख़री|आखिरी|आख़िरी|अंतिम|पहली\s+बार)?\s*(?:अपडेट|अपडेटेड|अद्यतन|प्रकाशित|पब्लिश|पब्लिश्ड|संशोधित))"
    r"(?:\s+(?:on|at|date|तिथि|तारीख|किया\s+गया))?\s*[:：\-–—|]?\s*",
    re.IGNORECASE,
)
# Bylines, agency credits, reading time ... (short lines only).
# "by" before a time, not a name: "By May 31, the civic body ...", "By Monday, ..."
_BY_TIME = (
    rf"(?:{'|'.join(EN_MONTH_NAMES)}|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?\s+\d|"
    rf"(?:{'|'.join(EN_WEEKDAY_NAMES)})\b"
)
BYLINE_RE = re.compile(
    # "By Jane Doe", "Edited By अमित" (a name follows), or "लेखक: X" (a separator follows)
    r"^\s*[(\[]?\s*((by|written\s+by|edited\s+by|reported\s+by|(?:additional\s+)?reporting\s+by|writing\s+by|editing\s+by|posted\s+by|curated\s+by|published\s+by|words\s+by|text\s+by|story\s+by|"
    r"compiled\s+by|(?:live\s+)?updates?\s+by|issued\s+by|released\s+by|hosted\s+by|produced\s+by|presented\s+by)"
    rf"\s*[:：\-–—]?\s*(?!{_BY_TIME})(?-i:[A-Z\u0900-\u097f])|"
    r"(author|reporter|लेखक|लेखिका|आलेख|लेख|संकलन|द्वारा|रिपोर्ट|रिपोर्टर|संवाददाता|संपादित|एडिटेड\s+बाय|edited|"
    # ("Words and pictures: X", "शब्द और तस्वीरें: X", "तथ्य-जांच: डॉ. X", "Medically reviewed by: X")
    r"words\s+and\s+(?:pictures|photos|photographs)|text\s+and\s+(?:pictures|photos)|शब्द\s+(?:और|व)\s+(?:तस्वीरें|फ़?ोटो)|"
    r"(?:pictures|photos|photographs)\s+and\s+(?:words|text)|(?:तस्वीरें|फ़?ोटो)\s+(?:और|व)\s+शब्द|"
    r"तथ्य[\s-](?:जांच|जाँच)|fact[\s-]check(?:ed)?(?:\s+by)?|(?:medically\s+)?reviewed\s+by|"
    r"(?:लाइव\s+)?अपडेट\s+(?:दे\s+रहे\s+हैं|दे\s+रही\s+हैं|दे\s+रहे|कर\s+रहे\s+हैं))\s*[:：\-–—]\s*\S)",
    re.IGNORECASE,
)
# An office's sign-off under a release: "— जनसंपर्क शाखा, पुलिस अधीक्षक कार्यालय, सागर",
# "— PRO, District Collectorate" (a dash, then the issuing office; no sentence)
OFFICE_SIGN_OFF_RE = re.compile(
    # (a dash of a sign-off, not a list's hyphen; the office and its place apart by a comma)
    r"^\s*[—–]{1,2}\s*(?=[^,]*,)(?:\S+\s+){0,6}?(?:शाखा|कार्यालय|विभाग|प्रकोष्ठ|office|department|cell|"
    r"directorate|collectorate)\b[^.।!?]{0,80}$",
    re.IGNORECASE,
)
# The site speaking to the reader and asking something of them (a tipline, a call for photos,
# a channel to join; pass 1 and 1c): "हमें 90000-41122 पर भेजिए, हम जांचेंगे", "क्या आपकी गली में
# भी ऐसी परेशानी है? फोटो भेजिए, हम पहुंचाएंगे", "रोज़ सुबह शहर की सुर्खियां पाने के लिए जुड़िए",
# "Follow The Western Dispatch on WhatsApp" -- but not a minister's words reported ("... ने कहा
# कि आप ...") nor a quote.
SITE_VOICE_RE = re.compile(
    r"(?:^|\s)(?:हम|हमें|हमको|हमारा|हमारे|हमारी)\s|"
    r"\b(?:write\s+to\s+us|send\s+(?:it\s+)?to\s+us|tell\s+us|we\s+will\s+(?:check|verify))\b",
    re.IGNORECASE,
)
READER_REQUEST_RE = re.compile(
    r"(?:भेज|लिख|कॉल\s+कर|संपर्क\s+कर|जुड़|बता)(?:ें|िए|िये|िएगा)|"
    r"(?:व्हाट्सऐप|व्हाट्सएप|मैसेज|कॉल|फ\u093c?ोन|ई-?मेल)\s+(?:कीजिए|करें|करिए)|"
    r"\b(?:send|call|write|tell|message|whatsapp|e-?mail)\b",
    re.IGNORECASE,
)
ASKS_READER_RE = re.compile(
    r"(?:^|\s)(?:आप|आपकी|आपके|आपका)\s|\b(?:do|have|did)\s+you\b", re.IGNORECASE
)
TO_GET_NEWS_RE = re.compile(  # what a channel or a group is joined for
    r"(?:सुर्[खख़]ियां|सुर्[खख़]ियाँ|ख\u093c?बरें|ख\u093c?बर|अपडेट|headlines|news|updates)\s+"
    r"(?:पाने|पढ़ने|जानने)\s+के\s+लिए",
    re.IGNORECASE,
)
FOLLOW_ON_RE = re.compile(  # "Follow <the site> on ...", "... को व्हाट्सऐप पर फॉलो करें"
    r"^\W*follow\s+(?:\S+\s+){1,5}on\s+|(?:पर|on)\s+(?:फॉलो|फ़ॉलो|follow)\s+(?:करें|कीजिए|करिए)",
    re.IGNORECASE,
)
REPORTED_RE = re.compile(
    r"ने\s+(?:कहा|बताया)|(?:कहा|बताया)\s+कि|के\s+(?:अनुसार|मुताबिक)|\bsaid\b|\baccording\s+to\b",
    re.IGNORECASE,
)
QUOTE_MARK_RE = re.compile(r"[\"“”]")
# A live page's sign-off: "Signing off for today.", "... लाइव अपडेट यहीं ख़त्म होता है। साथ बने
# रहने के लिए धन्यवाद।", "Thanks for following"
SIGN_OFF_RE = re.compile(
    r"^\W*signing\s+off\b|\bthanks?\s+(?:you\s+)?for\s+(?:following|staying\s+with\s+us|reading\s+along)|"
    r"that'?s\s+all\s+(?:for\s+today|from\s+us)|साथ\s+बने\s+रहने\s+के\s+लिए\s+(?:धन्यवाद|शुक्रिया)|"
    r"(?:लाइव|live)\s+(?:अपडेट|ब्लॉग|कवरेज)\s+(?:\S+\s+){0,2}(?:यहीं|यहां)\s+(?:ख\u093c?त्म|समाप्त)",
    re.IGNORECASE,
)
# A desk / correspondent credit (only taken in the header, on a short line).
DESK_RE = re.compile(
    r"(संवाददाता|ब्यूरो|डेस्क|प्रतिनिधि|correspondent|bureau|\bdesk\b|staff\s+reporter|news\s+service)",
    re.IGNORECASE,
)
# The name in a byline: "Written by: नेहा वर्मा", "By Jane Doe |", "द्वारा: राहुल शर्मा"
BYLINE_NAME_RE = re.compile(
    rf"(?:^|\b)(?:[Ww]ritten\s+by|[Rr]eported\s+by|[Bb]y|द्वारा|लेखक|लेखिका|आलेख|रिपोर्ट)\s*[:：\-–—]?\s*"
    rf"(?P<name>[A-Z{DEV}][\w{DEV}]+(?:\s+[A-Z{DEV}][\w{DEV}]+){{0,2}})",
)
AGENCY_CREDIT_RE = re.compile(
    r"^\s*[\(\[]?\s*(with\s+inputs?\s+from[^)\]]*|inputs?\s+from[^)\]]*|एजेंसी\s+इनपुट[^)\]]*|"
    r"इनपुट\s*[:：\-]?\s*[^)\]]*|भाषा|आईएएनएस|एएनआई|पीटीआई|IANS|PTI|ANI|Reuters|AFP|AP|"
    r"एजेंसी|agencies|agency|(?:source|स्रोत|सोर्स|साभार)\s*[:：\-–—]\s*[^)\]]{1,40})\s*[\)\]]?\s*[.।]?\s*$",
    re.IGNORECASE,
)
RELATIVE_TIME_RE = re.compile(
    r"^\s*(updated\s+|अपडेट\s+)?[\d०-९]+\s*(min(ute)?s?|hours?|hrs?|days?|मिनट|घंटे|घंटा|दिन)\s+(ago|पहले)\s*$",
    re.IGNORECASE,
)
# Disclaimers and the English "web title" that Hindi sites append.
DISCLAIMER_RE = re.compile(
    r"^\s*[\(\[]?\s*(disclaimer|डिस्क्लेमर|डिस्क्लेमरः|अस्वीकरण|अस्वीकृति|web\s+title|वेब\s+टाइटल|"
    r"correction|clarification|erratum|भूल\s+सुधार|editor'?’?s\s+note|संपादक\s+का\s+नोट|"
    # (what the reporter owes: "Disclosure: Our correspondent travelled at the invitation of ...")
    r"disclosure|प्रकटीकरण|"
    r"संपादक\s+की\s+टिप्पणी|संपादकीय\s+नोट)\s*[:：\-–—]|"
    # (with a word of its kind before it: "चिकित्सकीय अस्वीकरण:", "Medical disclaimer:")
    r"^\s*[\(\[]?\s*[\w\u0900-\u097f]+\s+(?:disclaimer|डिस्क्लेमर|अस्वीकरण)\s*[:：\-–—]",
    re.IGNORECASE,
)
# A correction note by what it says: "... इस लेख के पिछले संस्करण में ...", "An earlier version of
# this article ..." (a short line only).
CORRECTION_RE = re.compile(
    r"(पिछले|पहले\s+के)\s+संस्करण\s+में|\ban?\s+(earlier|previous)\s+version\s+of\s+this\b", re.IGNORECASE
)
# "यह लेख अंग्रेज़ी से अनूदित है।", "Translated from the Hindi by X" (a short line only).
TRANSLATED_RE = re.compile(
    r"से\s+(अनूदित|अनुवादित|अनुवाद\s+किया\s+गया)|^\s*(translated|अनुवाद)\s*(from|by|:)", re.IGNORECASE
)
# the number of an item of a numbered list: "2. ग्राम सेवक से ...", "3) Bids by May"
LIST_RANK_RE = re.compile(r"^\s*([\d०-९]{1,2})[.)]\s+(?=\S)")
READ_TIME_RE = re.compile(
    r"^\s*\d+\s*(min(ute)?s?\s+read|मिनट\s+(में\s+)?(पढ़ें|पढें|की\s+रीडिंग))\s*$|"
    # the text's length in words and minutes: "About 860 words, roughly four minutes",
    # "लगभग 900 शब्द, पढ़ने में 4 मिनट"
    r"^\W*(?:about|around|roughly|some|लगभग|करीब|क़रीब|क\u093cरीब|अंदाज़न)?\s*[\d,]+\s*(?:words|शब्द)\s*[,·|—–-]"
    r"\s*(?:\S+\s+){0,4}(?:minutes?|mins?|मिनट)(?:\s+(?:read|to\s+read))?\W*$",
    re.IGNORECASE,
)

# Photo / image credit words.
# Picture words: a credit with one of them is an image's ("(छवि: रॉयटर्स)", "(Photo: PTI)").
_PHOTO_WORDS = (
    r"photo|photos|photograph|photographs|photographer|image|images|img|pic|picture|file\s+photo|"
    r"representational\s+(?:image|photo|picture)|representative\s+(?:image|photo|picture)|"
    r"फोटो|फ़ोटो|फोटोः|छवि|चित्र|छायाचित्र|छायाकार|फोटोग्राफर|फ़ोटोग्राफ़र|तस्वीर|इमेज|फाइल\s+फोटो|फ़ाइल\s+फ़ोटो|"
    r"प्रतीकात्मक\s+(?:तस्वीर|फोटो|फ़ोटो|चित्र|छवि)|छाया|छायांकन|"
    r"video\s+grab|screen\s*grab|screenshot|वीडियो\s+ग्रैब|स्क्रीन\s*ग्रैब|स्क्रीनशॉट|"
    # (फ़ with its nukta apart, as NFC leaves it, or as one sign)
    r"graphics?|infographic|(?:इन्फो)?ग्रा(?:फ\u093c?|\u095e)िक्?स?|map|न(?:क\u093c?|\u0958)्शा|मानचित्र"
)
# ... and credit words that may also attribute data ("(स्रोत: आरबीआई)" inside a paragraph
# is kept): they only count on a line of their own.
_CREDIT_WORDS = _PHOTO_WORDS + r"|credit|credits|courtesy|source|साभार|स्रोत|सोर्स|क्रेडिट"
CREDIT_PAREN_RE = re.compile(
    rf"[\(\[]\s*(?:{_PHOTO_WORDS})(?:\s+(?:credit|courtesy|source|साभार|स्रोत|सोर्स|क्रेडिट))?"
    rf"\s*(?:[:：\-–—/]\s*[^)\]]{{0,60}})?[\)\]]",
    re.IGNORECASE,
)
# A caption closed by a credit word alone after its full stop ("रामनाथ केसरवानी (1939–2025)।
# फ़ाइल फ़ोटो"), or by a source ("... गांवों का नक्शा। स्रोत: ज़िला आपदा प्रबंधन शाखा"); and a
# media label opening one ("उपग्रह चित्र: ...", "▶ VIDEO: ...", "📷 1/2 ...").  (फ़ with its
# nukta apart, as NFC leaves it.)
_FILE_PHOTO = r"(?:फ\u093c?ाइल\s+)?फ\u093c?ोटो|file\s+photo|photo|फाइल\s+फोटो|तस्वीर|चित्र"
BARE_CREDIT_TAIL_RE = re.compile(rf"(?<=[।.])\s*(?:{_FILE_PHOTO})\s*$", re.IGNORECASE)
SOURCE_TAIL_RE = re.compile(
    r"(?<=[।.])\s*(?:स्रोत|सोर्स|source|सौजन्य|courtesy)\s*[:：]\s*[^।.:：]{2,60}$", re.IGNORECASE
)
MEDIA_LEAD_RE = re.compile(
    rf"^\W*(?:[^\W\d]+\s+)?(?:{_FILE_PHOTO}|video|वीडियो)\s*[:：]\s*(?=\S)|"
    r"^\s*📷\s*(?:[\d०-९]{1,2}\s*/\s*[\d०-९]{1,2}\s+)?",
    re.IGNORECASE,
)
# a clip's length after its caption: "... धक्का देते पर्यटक (01:12)"
DURATION_TAIL_RE = re.compile(r"\s*\(\s*\d{1,2}:\d{2}\s*\)\s*$")
CREDIT_ONLY_RE = re.compile(
    rf"^[\(\[]?\s*(?:{_CREDIT_WORDS})(?:\s+\S+)?\s*[\)\]]?\s*$", re.IGNORECASE
)
CREDIT_LEAD_RE = re.compile(
    # "Photo: X", "इमेज स्रोत, Getty Images", "इमेज कैप्शन, <caption>", "Photo Credit: X"
    rf"^\s*(?:{_CREDIT_WORDS})(?:\s*(?:[:：\-–—|/])|\s+(?:{_CREDIT_WORDS}|caption|कैप्शन)\s*[:：\-–—|/,])\s*\S",
    re.IGNORECASE,
)
PHOTO_LEAD_RE = re.compile(
    rf"^\s*(?:{_PHOTO_WORDS}|video|videos|वीडियो|watch)\s*(?:\S+\s*)?[:：\-–—|/,]\s*\S",
    re.IGNORECASE,
)
CREDIT_TAIL_RE = re.compile(
    rf"(?:{_PHOTO_WORDS})\s*[:：\-–—|/]\s*[^\s.।]{{2,30}}(\s+[^\s.।]{{2,30}}){{0,5}}\s*$",
    re.IGNORECASE,
)

# "Also read" style links to other stories.
# "यह भी पढ़ें", "ये खबर भी पढ़ें", "इसे भी पढ़िए", "ये भी देखें" ...
_HI_ALSO = (
    r"(?:यह|ये|इसे|इस|इन्हें)\s+(?:खबर\s+|ख़बर\s+|समाचार\s+|लेख\s+)?भी\s+(?:पढ़ें|पढें|पढ़िए|पढ़िये|देखें|देखिए)"
)
# (after at most three symbols or emoji of a lead: "👉 यह भी पढ़ें:", "► Read this too:"; the
# pointer may be worded freely as long as it ends in the reading verb: "इसके साथ पढ़ें:")
RELATED_RE = re.compile(
    r"^\s*[\(\[]?\s*[^\w\s]{0,3}\s*(also\s+read|read\s+also|read\s+more|must\s+read|see\s+also|also\s+see|also\s+watch|"
    r"read\s+here|read|read\s+(?:this|these|it)\s+(?:too|also|next)|read\s+more\s+(?:at|on|in)\s+[^:：]{1,40}|"
    r"related(\s+(?:news|story|stories|article|articles|posts?|explainer|reading|coverage|analysis|links?|videos?))?|"
    r"further\s+reading|more\s+from|watch\s+video|"
    rf"{_HI_ALSO}|"
    # (a pointer's own words before the verb only: "इसके साथ पढ़ें:", "साथ में पढ़ें:")
    r"और\s+पढ़ें|पढ़ें\s+भी|(?:(?:इसके|इसे|इन्हें|इसी|इस|साथ|में|भी|और|आगे|अलावा|बाद|नीचे|ऊपर|ज़रूर|जरूर|संबंधित|इससे|जुड़ी|ख़बर|खबर)\s+){0,3}"
    r"(?:पढ़ें|पढें|पढ़िए|पढ़िये)|वीडियो\s+देखें|देखें\s+वीडियो|"
    r"संबंधित\s+(खबर|खबरें|ख़बर|ख़बरें|समाचार|लेख|पोस्ट)|सम्बंधित\s+(खबर|खबरें|लेख|पोस्ट))\s*[:：\-–—|>»›→]+\s*\S",
    re.IGNORECASE,
)

# Short page-furniture lines (compared after normalisation, whole line).
# fmt: off
NAV_WORDS = {
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
NEXT_STORY_RE = re.compile(
    r"^\s*(next|previous|prev|read\s+next|up\s+next)\s+(post|story|article|news)?\s*[:：»>]*\s*$|"
    r"^\s*(next|previous)\s*[:：»>]+\s*$|"
    r"^\s*(related|recommended|more)\s+(posts?|stories|articles|news)\s*[:：]?\s*$|"
    r"^\s*you\s+(may|might)\s+also\s+like\s*[:：]?\s*$|"
    r"^\s*(अगली|अगला|पिछली|पिछला)\s+(खबर|ख़बर|पोस्ट|लेख|स्टोरी)\s*[:：»>]*\s*$|"
    r"^\s*(संबंधित|सम्बंधित)\s+(पोस्ट|खबरें|ख़बरें|खबर|लेख|समाचार)\s*[:：]?\s*$|"
    r"^\s*आपको\s+यह\s+भी\s+पसंद\s+आ\s+सकता\s+है\s*[:：]?\s*$",
    re.IGNORECASE,
)
RELATED_HEADING_RE = re.compile(
    r"(related|recommended|also\s+like|more\s+(stories|news)|संबंधित|सम्बंधित|पसंद\s+आ\s+सकता|"
    r"^\s*(latest|more|top|trending|popular|ताज़ा|ताजा|लेटेस्ट|टॉप|ट्रेंडिंग|और|अन्य|बड़ी)\b.*(news|stories|articles|खबरें|ख़बरें|न्यूज़|न्यूज|समाचार|स्टोरीज?)\s*[:：]?\s*$)", re.IGNORECASE
)
FOOTER_RE = re.compile(
    r"(^\s*(copyright|©|\(c\))|all\s+rights\s+reserved|सर्वाधिकार\s+सुरक्षित|कॉपीराइट\s*©)", re.IGNORECASE
)
# A line that names the page's owner: a copyright mark or word anywhere in it ("संध्या
# कूरियर मीडिया © 2026" too).  Wider than FOOTER_RE, which needs the mark at the line's start:
# it finds the site's name for the masthead rule, not a line to remove.
COPYRIGHT_RE = re.compile(r"©|\bcopyright\b|कॉपीराइट|सर्वाधिकार", re.IGNORECASE)
# "Next Post: <headline of another story>" on one line.
NEXT_STORY_GLUED_RE = re.compile(
    r"^\s*(next|previous|prev|read\s+next|up\s+next)\s+(post|story|article|news)\s*[:：»>\-–—]+\s*\S|"
    r"^\s*(अगली|अगला|पिछली|पिछला)\s+(खबर|ख़बर|पोस्ट|लेख|स्टोरी)\s*[:：»>\-–—]+\s*\S",
    re.IGNORECASE,
)
# A blog theme's link to the post before or after this one, with an arrow or in other words
# than NEXT_STORY_GLUED_RE's ("← पिछली पोस्ट: ...", "← Older post: ...", "Previous: ...",
# "Next: ..."), or with only its arrow: "« <headline>", "<headline> »" (5+ words; a line with no
# sentence end: :func:`~.shapes.is_related`; a prompt ends in "›": "अभी आवेदन करें ›").
POST_LINK_RE = re.compile(
    r"^\s*[←«‹<]*\s*(?:(?:older|newer|previous|prev|next)\s+(?:posts?|entry|story|article)|"
    r"previous|next|(?:पिछली|अगली|पुरानी|नई)\s+पोस्ट)(?:\s*[:：»>]+|\s+[\-–—]+)\s*\S|"
    r"^\s*[«‹←]\s*\S+(?:\s+\S+){4,}\s*$|^\s*\S+(?:\s+\S+){4,}\s*»\s*$",
    re.IGNORECASE,
)
ALSO_READ_HEADING_RE = re.compile(
    rf"^\s*(also\s+read|read\s+also|must\s+read|see\s+also|also\s+watch|watch\s+also|must\s+watch|{_HI_ALSO}|और\s+पढ़ें)\s*[:：\-–—.…]*\s*$",
    re.IGNORECASE,
)
# Headings of lists of other stories: "Latest Bollywood News", "More from World", "ताज़ा खबरें"
LIST_HEADING_RE = re.compile(
    # ("Earlier episodes of the show", "पिछली कड़ियां", "देहरादून से: पाठकों की पसंद", "Editor's picks")
    r"^\s*(?:earlier|previous|past|older|more|all)\s+episodes(?:\s+of\s+(?:the|this)\s+(?:show|podcast|series))?\s*[:：]?\s*$|"
    r"^\s*(?:पिछली|पुरानी|सभी|और)\s+(?:कड़ियां|कड़ियाँ|एपिसोड)\s*[:：]?\s*$|"
    r"^\s*आज\s+की\s+(?:और|अन्य|बाक़ी|बाकी)\s+ख\u093c?बरें\s*[:：]?\s*$|"
    r"^[^:：]{0,30}[:：]?\s*(?:पाठकों\s+की\s+पसंद|readers'?\s+(?:choice|picks)|editor'?s'?\s+(?:picks|choice)|संपादक\s+की\s+पसंद)\s*$|"
    r"^\s*((latest|more|top|trending|popular|recommended|related)(\s+\S+){0,3}\s+(news|stories|articles|videos|updates|posts|clips|photos|galleries|episodes)|"
    r"more\s+from(\s+\S+){1,3}|"
    r"(ताज़ा|ताजा|लेटेस्ट|टॉप|ट्रेंडिंग|और|अन्य|बड़ी)(\s+\S+){0,3}\s+(खबरें|ख़बरें|खबर|न्यूज़|न्यूज|समाचार|स्टोरी|स्टोरीज|वीडियो|वीडियोज़?|क्लिप|क्लिप्स|तस्वीरें|फोटो))"
    # (a word of haste after it: "टॉप न्यूज़ अभी", "ताज़ा ख़बरें फटाफट", "Top news now")
    r"(\s+(अभी|फटाफट|सुपरफास्ट|एक्सप्रेस|बुलेटिन|आज|now|today|right\s+now|in\s+brief|bulletin))?\s*[:：]?\s*$",
    re.IGNORECASE,
)
TAG_HEADINGS = {"tags", "tag", "topics", "keywords", "टैग", "टैग्स", "विषय", "कीवर्ड"}
# (the Hindi word beside what a banner says about it, "यह साइट आपके अनुभव को बेहतर बनाने के
# लिए कुकी रखती है। जारी रखकर आप इसकी सहमति देते हैं।", not a biscuit in a sentence)
_COOKIE_HI = r"कुकी(?:ज़|ज)?(?=[\s।,.]|$)"
_CONSENT_HI = r"(?:अनुभव|सहमत|सहमति|नीति|स्वीकार|ठीक\s+है)"
# the word alone: the text of a consent box, beside its row of choices (pass 1b)
COOKIE_RE = re.compile(rf"\bcookies?\b|{_COOKIE_HI}", re.IGNORECASE)
CONSENT_RE = re.compile(
    rf"\bcookies?\b|कुकी\s+नीति|{_COOKIE_HI}.*{_CONSENT_HI}|{_CONSENT_HI}.*{_COOKIE_HI}",
    re.IGNORECASE,
)
# a reader's how-to subhead over the article's own service lines ("How to apply for the
# second batch", "शिकायत कहां करें", "कैसे करें आवेदन"): every such line in the gold of the
# development sets is the article's (body) or a link to a how-to page, never another story
HOW_TO_RE = re.compile(
    r"^\s*(?:how\s+(?:to|can|do)|where\s+to)\b|"
    r"(?:^|\s)(?:कैसे|कहां|कहाँ)\s+(?:करें|भरें|मिलेगा|मिलेगी|पाएं|जुड़ें)(?:\s|[:：]|$)",
    re.IGNORECASE,
)
CLICK_HERE_RE = re.compile(r"^\s*(click|tap)\s+here\b|^\s*(यहां|यहाँ)\s+क्लिक\s+करें", re.IGNORECASE)
READ_HERE_TAIL_RE = re.compile(
    r"((यहां|यहाँ|यहीं)\s+(पढ़ें|पढें|देखें|क्लिक\s+करें)|read\s+(it\s+)?here|click\s+here)\s*[.।!]?\s*$",
    re.IGNORECASE,
)
TIME_ONLY_RE = re.compile(
    r"^\s*\d{1,2}[:.]\d{2}\s*(a\.?m\.?|p\.?m\.?|बजे)?\s*\(?(IST)?\)?\s*$", re.IGNORECASE
)
SOCIAL_RE = re.compile(
    r"(whats\s*app|व्हाट्सएप|व्हाट्सऐप|telegram|टेलीग्राम|youtube|यूट्यूब|facebook|फेसबुक|फ\u093cेसबुक|twitter|ट्विटर|"
    r"instagram|इंस्टाग्राम|channel|चैनल|\bapp\b|ऐप|एप|newsletter|न्यूजलेटर|google\s+news|गूगल\s+न्यूज़?)",
    re.IGNORECASE,
)
CTA_RE = re.compile(
    r"(\bjoin\b|जॉइन|ज्वाइन|\bfollow\b|\bsubscribe\b|\bdownload\b|\blike\b|जुड़ें|जुड़िए|फॉलो|फ़ॉलो|सब्सक्राइब|डाउनलोड|लाइक)",
    re.IGNORECASE,
)
PROMO_RE = re.compile(
    r"(^\s*catch\s+all\s+the|^\s*get\s+(all\s+)?(the\s+)?latest|^\s*download\s+(the|our)|^\s*subscribe\s+to|"
    r"stay\s+(tuned|updated|connected)|जुड़े\s+रहें|"
    # (a prompt to turn on the site's alerts: "घंटी दबाकर सूचनाएं चालू करें", "'नौकरी अलर्ट' चालू करें")
    r"(?:सूचनाएं|सूचनाएँ|नोटिफ\u093c?िकेशन|अलर्ट|घंटी)\W{0,2}\s+(?:चालू|ऑन|एक्टिवेट)\s+(?:करें|कीजिए|करिए)|"
    r"turn\s+on\s+(?:push\s+)?(?:notifications|alerts)|never\s+miss\s+an?\s+(?:episode|issue|story|update|edition)|"
    r"कोई\s+(?:भी\s+)?(?:कड़ी|एपिसोड|अंक)\s+(?:न|ना)\s+(?:चूकें|छूटे)|"
    # (the site's news on the reader's phone: "मेले की हर अपडेट अपने फ़ोन पर: ... ऐप ...")
    r"(?:हर|सारी|सभी)\s+(?:\S+\s+){0,2}?(?:अपडेट|ख\u093c?बर|ख\u093c?बरें)\s+(?:अपने|आपके)\s+(?:फ\u093c?ोन|मोबाइल)\s+पर|"
    # (pass it on: "यह पोस्ट उन दोस्तों तक पहुंचाएं जिन्हें ...", "Share this story with a friend")
    r"(?:यह|इस)\s+(?:पोस्ट|ख\u093c?बर|लेख|स्टोरी|जानकारी)\s+(?:को\s+)?(?:उन\s+)?(?:दोस्तों|साथियों|लोगों)\s+"
    r"(?:तक|के\s+साथ|को)\s+(?:पहुंचाएं|पहुँचाएं|पहुंचाइए|भेजें|शेयर\s+करें|साझा\s+करें)|"
    r"\bshare\s+this\s+(?:story|post|article)\s+with\b|(?:enable|allow)\s+(?:push\s+)?notifications|जुड़े\s+रहिए|पढ़ते\s+रहें|पढ़ते\s+रहिए|बने\s+रहें)",
    re.IGNORECASE,
)
POLL_RE = re.compile(r"^\s*(poll|quick\s+poll|पोल|सर्वे|ओपिनियन\s+पोल|आपकी\s+राय)\s*[:：]?\s*$", re.IGNORECASE)
# A poll or quiz widget's own lines: "📊 पोल: क्या ...?", "Quiz: How well do you know ...",
# "... हां · नहीं", "अब तक 2,486 पाठकों ने वोट किया" (not a news sentence about voters: the
# voters are the site's readers).
POLL_LINE_RE = re.compile(
    r"^\s*[^\w\s]{0,3}\s*(poll|quick\s+poll|quiz|पोल|सर्वे|क्विज़?|आपकी\s+राय|your\s+(?:view|say|vote)|readers'?\s+poll|"
    # ("आज का सवाल:", "आज की पहेली:", "पाठकों से सवाल:", "पाठक सर्वे:", "Question of the day:")
    r"आज\s+(?:का|की)\s+(?:सवाल|प्रश्न|पहेली|क्विज़?)|क्विज़?\s+(?:खेलिए|खेलें)|(?:play|take)\s+(?:the|our|this)\s+quiz|पाठकों\s+से\s+(?:सवाल|प्रश्न)|पाठक\s+(?:सर्वे|सर्वेक्षण)|"
    r"(?:question|quiz|puzzle|poll)\s+of\s+the\s+(?:day|week)|readers'?\s+(?:survey|question))\s*[:：\-–—]\s*\S|"
    # (its options on one line: "○ पूरा भरोसा ○ कुछ हद तक ○ बिल्कुल नहीं [मत भेजें]")
    r"^(?:\s*[○◯◉◎⚪☐□]\s*[^○◯◉◎⚪☐□]{1,40}){2,}$|"
    # (or lettered: "(क) 20 लीटर (ख) 50 लीटर (ग) 100 लीटर से ज़्यादा", short options only)
    r"^\s*\((?:क|a|A)\)(?:\s*[^()।.?!]{1,40}?\s*\((?:ख|ग|घ|b|c|d|B|C|D)\)){2,3}\s*[^()।.?!]{1,40}$|"
    # (and its note: "वोट देने के बाद ही नतीजे दिखेंगे", "Results are shown after you vote")
    r"(?:वोट|मत)\s+(?:देने|करने|डालने)\s+के\s+बाद\s+(?:ही\s+)?(?:नतीजे|परिणाम)|results?\s+.{0,20}after\s+you\s+vote|"
    r"(^|\s|\?)\S{0,3}\s*(हां|हाँ|yes)\s*[·•|/]\s*\S{0,3}\s*(नहीं|no)(?=\s|$|[·•|/])(\s*[·•|/]\s*[^·•|/]{1,25}){0,3}\s*$|"
    r"(पाठकों|पाठक|readers?)\s+(ने\s+)?(वोट|मतदान|have\s+voted|voted)|"
    r"^\s*(प्रश्न|सवाल|question)\s*[\d०-९]+\s*/\s*[\d०-९]+|"
    r"(रेटिंग|रेटिंग्स)\s+(दें|दीजिए|करें)|\brate\s+(this|it|the\s+\w+)\s*$|[★☆]{3,}.{0,30}(वोट|votes|ratings)",
    re.IGNORECASE,
)
# Advertising slots and notices: "[ Sponsored slot — 728 × 90 ]", "प्रायोजित सामग्री",
# "पार्टनर कंटेंट", "आगे की ख़बर विज्ञापन के नीचे" (short lines only).
AD_RE = re.compile(
    r"^\W*(sponsored|promoted|partner\s+content|paid\s+content|advertorial|advertisement|\bad\b|"
    r"प्रायोजित|स्पॉन्सर्ड|स्पॉन्सर|स्पांसर्ड|पार्टनर\s+कंटेंट|पेड\s+कंटेंट|विज्ञापन|एडवरटोरियल)|"
    r"(slot|\bad\b|advert\w*|banner|विज्ञापन|स्लॉट|जगह|स्पेस).{0,20}\b\d{3}\s*[×x]\s*\d{2,3}\b|"
    r"(ख\u093c?बर|story|article|लेख)\s.{0,30}(विज्ञापन|advertisement|\bad\b)",
    re.IGNORECASE,
)
AD_LEAD_RE = re.compile(
    r"^\W*(sponsored|promoted|partner\s+content|paid\s+post|advertorial|प्रायोजित|स्पॉन्सर्ड|"
    r"पार्टनर\s+कंटेंट)\s*[:：|\-–—·•]\s*\S",
    re.IGNORECASE,
)
# A sponsor's credit for a part of the page: "This section is supported by X.", "यह अपडेट आप
# तक पहुंचाने में सहयोगी: X", "सेहत डेस्क की यह प्रस्तुति 'X' के सहयोग से" (a line of its own,
# not a sentence of the story: "the scheme is supported by the World Bank" names no part of
# the page, "पुलिस के सहयोग से" names no presentation).
SPONSOR_RE = re.compile(
    r"^\W*(?:this|the)\s+(?:section|page|segment|series|feature|newsletter|update|coverage|column|podcast|"
    r"video|episode|edition)\s+(?:is\s+)?(?:supported|sponsored|presented|powered|brought\s+to\s+you)\s+by\b|"
    r"^\W*(?:supported|sponsored|presented|powered)\s+by\s*[:：]|\bbrought\s+to\s+you\s+by\b|"
    r"आप\s+तक\s+(?:पहुंचाने|पहुँचाने|लाने)\s+में\s+सहयोगी|^\W*(?:प्रायोजक|सह-?प्रायोजक|प्रस्तुतकर्ता)\s*[:：]|"
    r"प्रस्तुति\s+.{1,50}\s+के\s+(?:सहयोग|सौजन्य)\s+से\W*$",
    re.IGNORECASE,
)
# A share bar with its networks apart ("इस ख़बर को आगे बढ़ाएं: फ़ेसबुक / एक्स / व्हाट्सऐप"): two or
# more of these between separators (pass 1, on a short line only).
SHARE_NETWORK_RE = re.compile(
    r"(?:^|[:：/·•|,]\s*|\s)(?:whats\s*app|व्हाट्सएप|व्हाट्सऐप|telegram|टेलीग्राम|facebook|फेसबुक|फ\u093cेसबुक|"
    r"twitter|ट्विटर|\bx\b|एक्स|instagram|इंस्टाग्राम|linkedin|लिंक्डइन|e-?mail|ई-?मेल|copy\s+link|लिंक\s+कॉपी)"
    r"\s*(?=$|[/·•|,])",
    re.IGNORECASE,
)
# An e-mail newsletter's own lines: "यह ई-मेल ठीक से नहीं दिख रहा? इसे ब्राउज़र में खोलिए", "View this
# email in your browser", "सुबह की चाय के 412वें अंक में आपका स्वागत है", "Welcome to issue 88".
NEWSLETTER_RE = re.compile(
    r"(?:ब्राउज़र|ब्राउजर|browser)\s+में\s+(?:खोलिए|खोलें|देखें|देखिए)|"
    r"\bview\s+(?:it\s+|this\s+(?:e-?mail|newsletter)\s+)?(?:in|on)\s+(?:your\s+|the\s+)?(?:web\s+)?browser|"
    r"having\s+trouble\s+(?:viewing|reading)\s+this|"
    r"^\W*\S+(?:\s+\S+){0,4}\s+के\s+[\d०-९]+(?:वें|वां|वीं)\s+अंक\s+में\s+(?:आपका\s+)?स्वागत|"
    r"^\W*welcome\s+to\s+(?:issue|edition)\s+(?:no\.?\s*)?#?\d+|"
    # (a sign-up: "... seedha tumhare inbox mein — Subscribe karo", "सीधे आपके इनबॉक्स में")
    r"\binbox\b.{0,80}\bsubscribe|\bsubscribe\b.{0,80}\binbox\b|"
    r"(?:सीधे|seedha|straight\s+to|directly\s+(?:in|to))\s+(?:\S+\s+)?(?:इनबॉक्स|inbox)",
    re.IGNORECASE,
)
# A live page's own controls: "Auto-refresh ON", "3 new updates ↑", "Pinned",
# "नई अपडेट के लिए पेज खींचकर ताज़ा करें ⟳", "इस पल को साझा करें" (short lines only).
LIVE_WIDGET_RE = re.compile(
    r"(auto-?\s*refresh|refresh\s+(the\s+)?page|pull\s+to\s+refresh|refresh(?:es|ed)?\s+every\s+\d+|"
    r"updated?\s+every\s+\d+\s+(?:minutes?|mins?|seconds?|secs?)|"
    # ("परिणाम तालिका हर 10 मिनट में अपने-आप ताज़ा होती है")
    r"(?:अपने[\s-]?आप|स्वतः|ऑटो)\s+(?:ताज़ा|ताजा|अपडेट|रिफ्रेश)\s+(?:हो|होती|होता|होते)|^\s*\d+\s+new\s+(updates?|posts?)\b|"
    r"^\s*pinned\b|ताज़ा\s+करें|ताजा\s+करें|रिफ्रेश|^\s*[\d०-९]+\s+नए\s+अपडेट|"
    r"(साझा|शेयर)\s+(करें|कीजिए|करे)\W*$|\bshare\s+(this|it)\W*$)",
    re.IGNORECASE,
)
# The almanac and horoscope widgets of Hindi portals (pass 1c, :mod:`summarize.clean.residue`):
# their heading ("आज का पंचांग", "दैनिक राशिफल", "Today's horoscope"), a line of the day's
# almanac ("सूर्योदय 06:05 · सूर्यास्त 17:21", "राहुकाल: ...", "कार्तिक शुक्ल चतुर्दशी"), and a
# sign's forecast led by its name ("मेष: रुके हुए काम बनेंगे"; a name that is also a surname,
# "सिंह:", so these count only in a run or under the heading).
ALMANAC_HEAD_RE = re.compile(
    r"^\W*((आज\s+का|दैनिक|साप्ताहिक|daily|today'?s|weekly)\s+)?(पंचांग|पञ्चांग|राशिफल|horoscope|panchang)\W*$",
    re.IGNORECASE,
)
ALMANAC_LINE_RE = re.compile(
    r"(सूर्योदय|सूर्यास्त|चंद्रोदय|राहुकाल|राहु\s+काल|शुभ\s+मुहूर्त|अभिजीत\s+मुहूर्त|नक्षत्र|sunrise|sunset|rahu\s*kaal)|"
    r"(शुक्ल|कृष्ण)\s+(प्रतिपदा|द्वितीया|तृतीया|चतुर्थी|पंचमी|षष्ठी|सप्तमी|अष्टमी|नवमी|दशमी|एकादशी|द्वादशी|"
    r"त्रयोदशी|चतुर्दशी|पूर्णिमा|अमावस्या)",
    re.IGNORECASE,
)
RASHI_RE = re.compile(
    r"^\W*(मेष|वृषभ|मिथुन|कर्क|सिंह|कन्या|तुला|वृश्चिक|धनु|मकर|कुंभ|कुम्भ|मीन|aries|taurus|gemini|cancer|"
    r"leo|virgo|libra|scorpio|sagittarius|capricorn|aquarius|pisces)(\s*\([^)]{1,30}\))?\s*[:：\-–—]\s*\S",
    re.IGNORECASE,
)
# A page's count of its readers, and a prompt to play the story's video: "👁 2.1 हज़ार बार पढ़ी
# गई", "12K views", "▶ इस ख़बर का वीडियो देखें (1:12)" (short lines only).
VIEW_COUNT_RE = re.compile(
    r"[\d.,]+\s*(हज़ार|हजार|लाख|k|m)?\s*(बार\s+(पढ़ी|देखी|पढ़ा|देखा|पढ़े|देखे)\s+(गई|गया|गए)|views|reads)\b|"
    r"(वीडियो|video)\s+(देखें|देखिए|चलाएं|play)|watch\s+(the\s+|this\s+)?video",
    re.IGNORECASE,
)
# An item of a box of figures about a person or a team: a name with its place or side in
# brackets, then a figure ("सीमा यादव (सीहोर): 42 रन, दो विकेट"): information, never a link
# or furniture by shape alone.
FIGURE_ITEM_RE = re.compile(r"^[^:：()]{1,30}\([^:：()]{1,25}\)\s*[:：]\s*[\d०-९]")
# A list of the site's most read stories on one line ("Most read in Lucknow: A · B"), or its
# heading, and the heading of a classifieds box ("📢 क्लासिफ़ाइड", "Job alerts").
MOST_READ_RE = re.compile(
    r"^\W*(?:(?:आज|today'?s?|this\s+week'?s?|इस\s+हफ़्ते)\s+)?(most\s+(read|viewed|popular|shared|opened|clicked)|"
    r"सबसे\s+(ज़्यादा|ज्यादा|अधिक)\s+(पढ़ी|पढ़े|देखी|देखे|खोली|खोले|शेयर)|"
    r"classifieds?|क्लासिफ़ाइड|क्लासिफाइड|वर्गीकृत\s+विज्ञापन|नौकरी\s+अलर्ट|जॉब\s+अलर्ट|job\s+alerts?)\b",
    re.IGNORECASE,
)
# The end mark of a press release or wire copy: "– समाप्त –", "-- END --", "###", "-30-".
END_MARK_RE = re.compile(
    r"^\W*(समाप्त|इति|end|ends)\W*$|^\s*#{3}\s*$|^\s*-\s*30\s*-\s*$", re.IGNORECASE
)
# A comment form: "Leave a Reply", "Required fields are marked *", "Name *", "Post Comment",
# and the comment policy under it
COMMENT_FORM_RE = re.compile(
    r"(leave\s+a\s+(reply|comment)|cancel\s+reply|post\s+comment|required\s+fields\s+are\s+marked|"
    r"email\s+address\s+will\s+not\s+be\s+published|save\s+my\s+name|^\s*[\w\u0900-\u097f]+(\s+[\w\u0900-\u097f]+)?\s*\*\s*$|"
    r"\d+\s+(comments?|टिप्पणियां|टिप्पणियाँ|कमेंट्स?)\s*$|अपनी\s+टिप्पणी\s+(दें|लिखें)|आपका\s+ईमेल\s+पता\s+प्रकाशित\s+नहीं|"
    # the site's comment policy, opening the line: "Comments go through a moderator ...",
    # "टिप्पणियां मॉडरेशन के बाद दिखेंगी"
    r"^\W*(?:all\s+|सभी\s+)?(?:comments?|replies|टिप्पणियां|टिप्पणियाँ|टिप्पणी|कमेंट्स?)\s.{0,40}?(?:moderat|मॉडरेट|मॉडरेशन))",
    re.IGNORECASE,
)
TAGS_RE = re.compile(
    r"^\s*(tags?|tagged|topics|टैग(?:्स)?|विषय|keywords|filed\s+under|posted\s+in|related\s+topics|more\s+on|"
    r"(?:संबंधित|सम्बंधित|जुड़े)\s+(?:विषय|टैग)|"
    # (the story's topics: "Also in this story: Pachmarhi · Ropeways · ...")
    r"(?:also\s+)?in\s+this\s+(?:story|article|report)|इस\s+(?:ख़बर|खबर|ख\u093cबर|लेख|रिपोर्ट)\s+(?:में|के\s+भीतर))"
    r"\s*[:：]\s*\S|"
    # (a blog post's categories with no colon: "Posted in Fire safety · Hospitals · ...")
    r"^\s*(?:posted|filed)\s+in\s+[^:：.!?।]{1,60}?\s[·|]\s+\S",
    re.IGNORECASE,
)

# Section names that sit above a headline.
SECTION_WORDS = {
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
HEADING_LABELS = {
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
    "transcript",
    "full transcript",
    "ट्रांसक्रिप्ट",
    "न्यूज़ हाइलाइट्स",
}
# " - Hindi News", " | Navbharat Times", " - अमर उजाला": a site name after the headline
SITE_SUFFIX_RE = re.compile(
    r"\s+[|\-–—]\s+([^|\-–—]{0,40}(news|times|\.com|live|samachar|न्यूज़|न्यूज|टाइम्स|डॉट\s*कॉम|समाचार|लाइव|उजाला|जागरण|भास्कर)[^|\-–—]{0,20})$",
    re.IGNORECASE,
)
SITE_WORD_RE = re.compile(
    r"(news|times|network|\.com|\bweb\b|न्यूज़|न्यूज|टाइम्स|डॉट\s*कॉम|नेटवर्क|वेबसाइट)", re.IGNORECASE
)
TICKER_LEAD_RE = re.compile(
    r"^\s*((breaking|trending|latest|top|hot|popular)(\s+(news|now|stories|topics|headlines|updates))?|news\s+flash|just\s+in|"
    r"(ब्रेकिंग|ट्रेंडिंग|लेटेस्ट|टॉप)(\s+(न्यूज़?|टॉपिक्स?|स्टोरीज?|खबरें|ख़बरें|अपडेट्स?))?|"
    r"(ताज़ा|ताजा|बड़ी)\s+ख़?बरें)\s*[:：|\-–—•·⚡►▸»◆■▪●★✦🔴]|"
    # a strip's own word and a bullet, not a colon (a live blog's entry may open "LIVE:"):
    # "अपडेट ● कैबिनेट बैठक अब 24 फरवरी को ● ...", "FLASH ● Blue Line: ...", "रिज़ल्ट अलर्ट ▶ ..."
    r"^\s*(अपडेट|लाइव|live|flash|alerts?|(?:रिज़ल्ट|रिजल्ट|result|results)?\s*(?:अलर्ट|alert))\s*[●▶►▸⚡🔴]",
    re.IGNORECASE,
)

# Tracking / script residue.
# A site's visitor counter: "Visitors today: 18,406 | All-time: 4,21,93,870", "आज के पाठक:
# 9,312 | अब तक: ..." (a key that counts visitors, views or readers, then figures only).
_FIGURE = r"[\d०-९][\d,.०-९]*"
VISITOR_COUNTER_RE = re.compile(
    r"^\W*(?:\S+\s+){0,2}(?:visitors?|visits|page\s*views|views|hits|readers|पाठक|विज़िटर|विजिटर|आगंतुक)"
    rf"(?:\s+\S+){{0,2}}\s*[:：]\s*{_FIGURE}\s*(?:[|·•]\s*[^:：|·•]{{1,25}}[:：]\s*{_FIGURE}\s*){{0,2}}$",
    re.IGNORECASE,
)
TRACKING_WORDS = re.compile(
    r"(pixel|analytics|gtag|fbq|tracking|tracker|beacon|tagmanager|googletag|adsbygoogle|datalayer|"
    r"utm_|doubleclick|chartbeat|comscore|quantserve|taboola|outbrain|hotjar|matomo|piwik|noscript)",
    re.IGNORECASE,
)
CODE_RE = re.compile(
    # (a call statement alone on a line: 'pvPing("avadh-edu","story-88213");')
    r"(^\s*[A-Za-z_$][\w$.]*\s*\(\s*[\"'][^()]*\)\s*;\s*$|"
    r"^\s*[\w-]*(?:pixel|beacon|tracking|tracker)[\w-]*\s+(?:https?:)?//\S+\s*$|"
    r"function\s*\(|\bvar\s+\w+\s*=|\bwindow\.\w|\bdocument\.\w|<\s*/?\s*(script|div|iframe|img|span)\b|\}\s*\)\s*;|\{\s*\"|=>)"
)
PLACEHOLDER_RE = re.compile(
    r"^\s*(test\s+post|sample\s+(post|page)|hello\s+world!?|lorem\s+ipsum\b.*|untitled|टेस्ट\s+पोस्ट|"
    r"undefined|null|nan|none|\[object\s+object\]|\{\{\s*[\w.]+\s*\}\})\s*$",
    re.IGNORECASE,
)
PLACEHOLDER_PREFIX_RE = re.compile(r"^\s*(test\s+post|sample\s+post|टेस्ट\s+पोस्ट)\s+", re.IGNORECASE)

# Author bio vocabulary (English + Hindi).
BIO_ROLE_RE = re.compile(
    r"(लेखक|लेखिका|पत्रकार|संवाददाता|उपसंपादक|उप\s*संपादक|संपादक|सह-?संपादक|रिपोर्टर|एंकर|स्तंभकार|"
    r"कॉलमिस्ट|ब्लॉगर|प्रोड्यूसर|डिजिटल\s+टीम|journalist|reporter|correspondent|editor|sub-editor|"
    r"writer|columnist|author|anchor|producer|contributor|blogger|analyst)",
    re.IGNORECASE,
)
# ... and words of a writer's standing, for a bio *above* the text (an op-ed's "X is a professor
# of ..." line), where a news lead never describes a person's career in the present tense.
BIO_STANDING_RE = re.compile(
    r"(संस्थापक|सह-?संस्थापक|प्रोफेसर|प्राध्यापक|निदेशक|शोधकर्ता|शोधार्थी|विशेषज्ञ|फेलो|सलाहकार|"
    r"पूर्व\s+\S+|दशक\s+से|दशकों\s+से|शोध\s+कर|"
    r"founder|co-founder|professor|lecturer|director|researcher|fellow|adviser|advisor|expert|"
    r"former\s+\w+|for\s+(two|three|\d+)\s+decades|research(es|ing)?\b)",
    re.IGNORECASE,
)
# a present-tense identity: "X ... हैं।", "X is a/an/the ..."
BIO_IDENTITY_RE = re.compile(
    r"(हैं|है)\s*[।.]?\s*$|^\S+(\s+\S+){0,3}\s+is\s+(a|an|the)\s", re.IGNORECASE
)
BIO_TRAIT_RE = re.compile(
    r"(years?\s+of\s+experience|experience|covers|covering|writes\s+(about|on)|reports\s+on|"
    r"is\s+a\s+fan|fan\s+of|"
    r"in\s+(his|her|their)\s+(free|spare)\s+time|has\s+worked|worked\s+with|previously\s+worked|"
    r"graduate|alumnus|alumna|passionate|loves|enjoys|"
    r"वर्षों\s+का\s+अनुभव|साल\s+का\s+अनुभव|सालों\s+का\s+अनुभव|वर्षों\s+से|सालों\s+से|अनुभव|"
    r"कवर\s+कर(ते|ती|ता)|लिख(ते|ती|ता)\s+(हैं|है|रहे)|प्रशंसक|फैन|खाली\s+समय|शौक|पसंद\s+कर(ते|ती|ता)|"
    r"काम\s+कर\s+चुके|काम\s+कर\s+चुकी|जुड़े\s+(हैं|रहे)|जुड़ी\s+(हैं|रही)|से\s+पढ़ाई|डिग्री|स्नातक|पूर्व\s+में|"
    # (a teacher's or a researcher's: "... में अर्थशास्त्र पढ़ाती हैं और ... पर शोध कर रही हैं")
    r"पढ़ा(ते|ती|ता)\s+(हैं|है)|शोध\s+कर\s*(ते|ती|ता|रहे|रही)|\bteaches\b|\bresearches\b)",
    re.IGNORECASE,
)
# What a writer or a host does, for a closing line about the person who wrote or presents the
# piece ("X इंदौर में रहती हैं और ... पर लिखती हैं", "X इस पॉडकास्ट की मेज़बान हैं", "X writes on
# cities", "He writes a monthly column")
WRITER_WORK_RE = re.compile(
    r"\bwrites?\b|\bcolumn\b|\bhosts?\b|\bpodcast\b|लिख(?:ते|ती|ता)\s+(?:हैं|है|रहे|रही|आ\s+रहे|आ\s+रही)|"
    r"मेज़बान|मेजबान|होस्ट|स्तंभ|कॉलम",
    re.IGNORECASE,
)
BIO_PRONOUN_RE = re.compile(
    r"(\bवह\b|\bवे\b|\bउन्होंने\b|\bउनकी\b|\bउनके\b|\bhe\b|\bshe\b|\bhis\b|\bher\b|\bthey\b)",
    re.IGNORECASE,
)
FIRST_PERSON_RE = re.compile(r"(^|\s)(मैं|मैंने|मुझे|मेरा|मेरी|मेरे|हम|हमने|I|I'm|my)(\s|$|[,.।])")

# A dateline: 1-3 place words, optionally "(Latin transliteration)", ", <day> <month> [year]",
# "(agency)", then a danda/colon/dash.  Only taken when one of the optional parts is there.
DATELINE_RE = re.compile(
    # (optionally a desk credit first: "संवाद सूत्र, गोरखपुर :", "जागरण संवाददाता, पटना।")
    rf"^(?P<credit>[{DEV} ]{{2,30}}?(?:सूत्र|संवाददाता|ब्यूरो|डेस्क|प्रतिनिधि)\s*,\s*)?(?P<place>[{DEV}]+(?:[ \-][{DEV}]+){{0,2}})\s*(?P<latin>\([A-Za-z .\-]+\))?"
    rf"\s*(?P<date>,\s*[\d०-९]{{1,2}}\s+(?:{_HI_MONTH_ALT})(?:\s*,?\s*[\d०-९]{{4}})?)?"
    r"\s*(?P<agency>[\(\[](?:भाषा|वार्ता|एजेंसी|आईएएनएस|एएनआई|पीटीआई|यूएनआई|IANS|PTI|ANI|UNI|Reuters|AFP|AP)[\)\]])?"
    r"(?:\s*[।|:–—\-]\s+|(?<=[\)\]])\s+)"  # (after "(भाषा)" the danda is often left out)
)

ABOUT_AUTHOR_RE = re.compile(
    r"^\s*(about\s+the\s+(author|writer)|लेखक\s+के\s+बारे\s+में|लेखक\s+परिचय)\s*[:：]?\s*$", re.I
)
# A closing line about "the writer" without a name: "लेखक त्रिवेणी टाइम्स के वरिष्ठ संवाददाता हैं ..."
WRITER_LEAD_RE = re.compile(r"^\s*(लेखक|लेखिका|the\s+(author|writer))\s", re.IGNORECASE)
# An author's note in parentheses: "(लेखक वरिष्ठ पत्रकार हैं। ये उनके निजी विचार हैं।)"
AUTHOR_NOTE_RE = re.compile(
    r"^\s*[\(\[]\s*(लेखक|लेखिका|the\s+(author|writer)|author|writer)\b.*[\)\]]\s*[.।]?\s*$", re.I
)

# An English dateline: "NEW DELHI:", "Mumbai, Nov 3 (PTI) -", "LONDON (Reuters) -"
EN_DATELINE_RE = re.compile(
    r"^(?:(?P<caps>[A-Z][A-Z.]+(?:[ \-][A-Z][A-Z.]+){0,2})|[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})"
    r"\s*(?P<date>,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*(?P<agency>\((?:PTI|IANS|ANI|UNI|Reuters|AFP|AP)\))?"
    r"\s*[:\-–—]\s+"
)

# Stray foreign function words left at the start of a machine-translated Hindi line
# (Romance/Germanic articles and prepositions).
# (not English ones: "A श्रेणी के शहर" is Hindi text)
# fmt: off
STRAY_LATIN_FUNC = {
    "la", "le", "les", "il", "lo", "gli", "el", "los", "las", "una", "uno", "der", "die",
    "das", "del", "della", "du", "des", "het", "een",
}
# fmt: on
# Hindi postpositions / particles that cannot start a sentence (a cut-off link before them).
DANGLING_START = {"की", "के", "का", "में", "से", "को", "ने", "पर", "तक"}
# Words page widgets and prompts are made of (the reader is asked to act on the page, the
# site or a device), for the learned scorer of :mod:`summarize.clean.scorer`: a feature, not
# a rule (a sentence may use these words too).
WIDGET_WORDS_RE = re.compile(
    r"\b(share|follow|subscribe|unsubscribe|sign\s+up|log\s*in|sign\s+in|comment|reply|click|tap|"
    r"download|newsletter|inbox|read\s+more|continue|next|previous|back\s+to|skip|menu|home|print|"
    r"e-?mail|whatsapp|facebook|twitter|telegram|youtube|instagram|copy\s+link|save|bookmark|listen|"
    r"watch|gallery|advert\w*|sponsored|scroll|jump|select|choose|change|feedback|alert|notifications?|"
    r"updates?|live|trending|topics?|tags?|related|more)\b|"
    r"(शेयर|साझा|फॉलो|फ़ॉलो|सब्सक्राइब|सदस्यता|लॉग\s*इन|टिप्पणी|कमेंट|क्लिक|टैप|डाउनलोड|न्यूज़?लेटर|"
    r"पढ़ें|पढ़िए|देखें|देखिए|सुनें|अगली|अगला|पिछली|पिछला|होम|प्रिंट|ईमेल|व्हाट्सएप|विज्ञापन|गैलरी|"
    r"स्क्रॉल|चुनें|बदलें|अपडेट|लाइव|ट्रेंडिंग|टैग|संबंधित|सम्बंधित|और\s+भी|नीचे|ऊपर)",
    re.IGNORECASE,
)
# A call to act on the page or the site (pass 1c, :mod:`summarize.clean.residue`: only on a
# short line with no finite verb).
ACTION_RE = re.compile(
    r"\b(share|follow\s+us|subscribe|unsubscribe|sign\s+(up|in)|log\s*in|download|bookmark|"
    r"print\s+this|copy\s+link|skip\s+to|back\s+to\s+top|reading\s+list|add\s+to|save\s+for\s+later|"
    r"click\s+here|tap\s+here|view\s+comments?|post\s+a\s+comment|leave\s+a\s+(reply|comment)|"
    r"notifications?|turn\s+on|allow|tap\s+to|get\s+(?:\w+\s+){0,2}alerts?|"
    r"follow\s+[^.]{1,40}\bfor\s+(?:\w+\s+){0,3}(?:updates|news|alerts|stories|coverage))\b|"
    r"(शेयर|फॉलो|फ़ॉलो|सब्सक्राइब|सदस्यता\s+(लें|छोड़ें|रद्द)|डाउनलोड|बुकमार्क|लॉग\s*इन|"
    r"क्लिक\s+कर|टैप\s+कर|कमेंट\s+कर|टिप्पणी\s+कर|लिंक\s+कॉपी|प्रिंट\s+कर|नोटिफिकेशन)",
    re.IGNORECASE,
)
# A clock time anywhere in a line ("6:12PM", "14.30 बजे"; not "4.5/5" or "12.50%").
CLOCK_RE = re.compile(r"(?<![\d.,])\d{1,2}[:.][0-5]\d(?![\d.,%/])")
# The words of an opinion note: the views are the writer's or the experts' own, and the site
# need not share them ("ये लेखक के निजी विचार हैं", "विश्लेषकों के विचार उनके निजी हैं और ... उनसे
# सहमत हो, यह ज़रूरी नहीं", "not necessarily those of ..."); no line of the story in the dev gold
_OPINION_NOTE = (
    r"(?:निजी|व्यक्तिगत)\s+विचार|विचार\s+(?:\S+\s+){0,2}(?:निजी|व्यक्तिगत)\s+हैं|"
    r"सहमत\s+(?:होना|हो|हों),?\s+(?:यह\s+)?(?:आवश्यक|ज़रूरी|जरूरी|ज\u093cरूरी)\s+नहीं|"
    r"not\s+necessarily\s+(?:those|the\s+views)\s+of"
)
OPINION_NOTE_RE = re.compile(_OPINION_NOTE, re.IGNORECASE)
# The words of an opinion or market disclaimer at the end of a page ("Views are personal",
# "... subject to market risks", "ये लेखक के निजी विचार हैं"), in whatever sentence wraps them.
DISCLAIMER_TEXT_RE = re.compile(
    _OPINION_NOTE + "|"
    r"(views\s+(expressed\s+)?(here\s+)?(are|is)\s+(the\s+)?(author'?s?|writer'?s?|analysts?'?)?\s*(own|personal)|"
    r"views\s+expressed\s+are\s+of|views\s+(expressed\s+)?do\s+not\s+(necessarily\s+)?reflect|"
    r"not\s+of\s+the\s+(publication|newspaper|website)|subject\s+to\s+market\s+risks|"
    r"consult\s+(a|an|your)\s+(certified\s+|financial\s+|registered\s+)?(adviser|advisor)|"
    r"(?:opinions|views)\s+(?:expressed\s+)?in\s+this\s+(?:column|article|piece|blog|post)\s+are\s+"
    r"(?:the\s+|solely\s+the\s+)?(?:author|writer|columnist)'?s?'?\s+own|"
    # (a site that says whom it is not: "रोज़गार सेतु किसी सरकारी संस्था से जुड़ा नहीं है")
    r"किसी\s+(?:भी\s+)?सरकारी\s+(?:संस्था|विभाग|संस्थान|एजेंसी)\s+से\s+(?:जुड़ा|जुड़ी|संबद्ध)\s+नहीं|"
    r"not\s+affiliated\s+with\s+any\s+government|"
    r"(निजी|व्यक्तिगत)\s+विचार|(लेखक|लेखिका|स्तंभकार)\s+के\s+अपने\s+विचार|बाजार\s+जोखिमों\s+के\s+अधीन|"
    r"(वित्तीय|निवेश)\s+सलाहकार\s+(की|से)\s+सलाह|"
    # (what the text rests on, and what it is not: a note of the page, not the story's)
    r"सामान्य\s+जानकारी\s+के\s+लिए|for\s+general\s+information|सामान्य\s+जागरूकता\s+के\s+लिए|"
    r"for\s+(?:general\s+)?awareness\s+(?:purposes\s+)?only|"
    r"(क़ानूनी|कानूनी|क\u093cानूनी)\s+सलाह\s+(न|नहीं)\s+(माना|समझा|मानें)|"
    r"not\s+(a\s+substitute\s+for\s+)?(legal|medical|financial|professional)\s+advice|"
    r"(generated|transcribed|produced)\s+(automatically\s+)?by\s+(software|a\s+machine|ai\b)|"
    r"syndicated\s+(feed|wire|copy|service)|from\s+a\s+syndicated|"
    # (wire copy run unedited: "Carried as received from the news service", "... बिना संपादन के")
    r"carried\s+as\s+received|सामग्री\s+की\s+(?:ज़िम्मेदारी|जिम्मेदारी|ज\u093cिम्मेदारी)|"
    r"\bresponsib(?:le|ility)\s+for\s+(?:the|its)\s+content|वितरण\s+सेवा\s+के\s+(?:माध्यम\s+से|ज़रिए|जरिए)|"
    r"distributed\s+(?:by|via|through)\s+(?:\S+\s+){0,4}(?:wire|newswire|service)|(?:text|copy|report|story)\s+has\s+not\s+been\s+edited|"
    r"(?:बिना|बग़ैर|बगैर)\s+(?:किसी\s+)?(?:संपादन|बदलाव)\s+के\s+(?:प्रकाशित|ली\s+गई|लिया\s+गया)|"
    r"(यह|ये)\s+(रिपोर्ट|ख\u093c?बर|जानकारी|लेख|पूर्वानुमान)\s.{0,40}(अधिसूचना|(?:लिखित\s+)?आदेश|आदेश\s+की\s+प्रति|विज्ञप्ति|प्रेस\s+नोट|बुलेटिन)\s+पर\s+आधारित|"
    # (a price table's note: "स्थानीय बाज़ार में भाव कुछ अलग हो सकते हैं", "Local rates may vary")
    r"(?:भाव|दाम|क़ीमतें|कीमतें|rates?|prices?)\s+(?:\S+\s+){0,3}(?:अलग\s+हो\s+सकत|may\s+(?:vary|differ))|"
    r"(?:केवल|सिर्फ़|सिर्फ)\s+जानकारी\s+के\s+लिए|"
    r"(this|the)\s+(report|article|story|column)\s+is\s+based\s+on\s+(a|the)\s+(press\s+release|press\s+note|"
    r"notification|court'?s?\s+order)|"
    r"(मूल|आधिकारिक)\s+(अधिसूचना|वेबसाइट|विज्ञप्ति)\s+(?:एक\s+बार\s+)?(ही\s+मान्य|अवश्य|ज़रूर|जरूर|देखें|पढ़ें)|"
    r"official\s+(website|notification)\s+(alone\s+)?(is\s+final|prevails)|"
    r"जस\s+की\s+तस|(कोई|बिना\s+किसी)\s+संपादन|has\s+not\s+(been\s+)?edited|not\s+been\s+edited|unedited)",
    re.IGNORECASE,
)
_KH = "ख\u093c?"  # ख or ख़ (NFC keeps the nukta apart)
_ITEM = (
    rf"(?:{_KH}बर|{_KH}बरें|न्यूज़?|समाचार|स्टोरी|सुर्{_KH}ी|पोस्ट|रिपोर्ट|अपडेट|लेख|आलेख|story|stories|news|headlines?|article|"
    r"reports?|updates?|item|posts?|khabar|khabren)"  # (the last two: Hindi in Latin letters, "Agli Khabar ›")
)
# The heading of a column of news briefs ("BRIEFLY", "CITY IN BRIEF", "खेल की छोटी ख़बरें",
# "संक्षिप्त समाचार", "ख़बरें संक्षेप में"; a bare "संक्षेप में" heads the article's own summary).
BRIEFS_HEADING_RE = re.compile(
    rf"\bbriefly\b|\bin\s+brief\b|\b(?:news\s+)?briefs\b|(?:छोटी|संक्षिप्त)\s+(?:{_KH}बरें|समाचार)|"
    rf"(?:{_KH}बरें|समाचार)\s+संक्षेप\s+में",
    re.IGNORECASE,
)
# A bare line pointing the reader to other stories, with no headline of its own: "साथ में पढ़ें",
# "इसके बाद पढ़ें", "Also from the city desk", "Read next", "इसी पृष्ठ पर" (pass 5b: what follows
# it is another story's headline and lead, or links).
READ_MARKER_RE = re.compile(
    r"(?:पढ़ें|पढें|पढ़िए|पढ़िये)\s*[:：›»>→]?\s*$|^(?:also|more)\s+(?:from|in|on)\b|"
    r"^(?:read|up)\s+next\b|^इसी\s+(?:पृष्ठ|पेज|पन्ने|अंक|विषय)\s+(?:पर|से|में)",
    re.IGNORECASE,
)
# A contact: an e-mail address, a phone number (with spaces or dashes, or masked: "98XXXXXX12"),
# a web address; not a case or file number led by its capitals ("CWP-18842-2025").
CONTACT_RE = re.compile(
    r"[\w.+-]+@[\w-]+\.[\w.]+|(?<![\d.,])(?<![A-Z]{2}-)\+?\d[\d\s-]{8,}\d(?![\d.,])|\b\d{2}[X\d]{6,}\d\b|"
    r"\bwww\.\S+|https?://\S+"
)
# A jump line of a printed page: the article goes on on another page, so what follows it here
# is another story ("शेष पृष्ठ 9 पर", "बाकी ख़बर पृष्ठ 9, कॉलम 2 में ▶", "Continued on page 4").
JUMP_RE = re.compile(
    r"^\W*(?:शेष|बाकी|बाक़ी)\s+(?:(?:ख\u093c?बर|समाचार|रिपोर्ट)\s+)?(?:पृष्ठ|पेज|पेज\s+नं\.?)\s*[\d०-९]+|"
    r"^\W*(?:continued|story\s+continues|contd\.?)\s+(?:on|at)\s+(?:page|p\.)\s*\d+",
    re.IGNORECASE,
)
# ... and the line where it goes on, on the same scraped page: "पृष्ठ 5 का शेष", "Continued from page 1".
# (also after the headline it goes on under: "ताला कारख़ानों पर बिजली की मार | पेज पांच से आगे";
# a page's number in figures or in words)
_PAGE_NUMBER = (
    "(?:[\\d०-९]+|एक|"
    + "|".join(sorted((w for w, n in HI_NUMBER_WORDS.items() if n <= 100), key=len, reverse=True))
    + ")"
)
JUMP_FROM_RE = re.compile(
    rf"(?:^|[|—–:]\s)\W*(?:पृष्ठ|पेज)\s*{_PAGE_NUMBER}\s+(?:का\s+शेष|से\s+आगे)|"
    r"^\W*(?:continued|contd\.?)\s+from\s+(?:page|p\.)\s*\d+",
    re.IGNORECASE,
)
# An explicit marker of another story: "next/another/more + story/news/update", "news below", a line
# ending in a down arrow (pass 5b, :mod:`summarize.clean.story_blocks`).
STORY_MARKER_RE = re.compile(
    rf"(?:next|another|other|more|अगली|अगला|दूसरी|दूसरा|एक\s+और|अन्य|agli|agla|dusri|doosri)\s+{_ITEM}|"
    rf"{_ITEM}\s+(?:और\s+भी|नीचे|below)|(?:[↓⬇▼⤵]|\bbelow)\s*$|"
    r"^\W*next\s+from\s+(?:the\s+)?\w+|"
    r"(?:next|अगला|अगली|agla)\s+(?:वीडियो|video|clip|क्लिप)",  # autoplay: "अगला वीडियो 8 सेकंड में"
    re.IGNORECASE,
)
# A paywall's meter ("You have read 3 of your 4 free stories this month", "आपने इस महीने की
# 4 में से 3 मुफ़्त ख़बरें पढ़ ली हैं"), a premium badge ("★ DISPATCH PLUS · Subscriber
# exclusive", "सिर्फ़ सब्सक्राइबर्स के लिए"), its gate ("to keep reading, sign in") and a call
# for readers' letters ("Agree or disagree? Send a letter of up to 200 words to letters@...",
# "Ask us: send the civic question ...").
SITE_NOTE_RE = re.compile(
    r"\byou(?:'ve|\s+have)\s+read\s+\d+\s+(?:of|out\s+of)\s+(?:your\s+)?\d+\s+free\b|"
    r"\d+\s+में\s+से\s+\d+\s+(?:मुफ़्त|मुफ्त|फ्री|फ़्री)\s+(?:ख\u093c?बरें|लेख|स्टोरी|स्टोरीज़?)|"
    r"\bsubscribers?[-\s](?:only|exclusive)\b|\bmembers?[-\s]only\b|"
    r"(?:सिर्फ़|सिर्फ|केवल)\s+(?:सब्सक्राइबर्स?|सदस्यों)\s+के\s+लिए|"
    r"\bsend\s+(?:us\s+)?(?:a\s+|your\s+)?(?:letters?|questions?|feedback)\b.{0,80}@|"
    r"^\W*ask\s+us\s*[:：]|\bletters\s+may\s+be\s+edited\b|"
    r"(?:राय|प्रतिक्रिया|सवाल|पत्र|चिट्ठी)\s.{0,60}@\S+.{0,20}(?:भेजें|भेजिए|लिखें)|"
    # a paywall's gate: to read on, sign in ("बाक़ी हिस्सा पढ़ते रहने के लिए ... साइन-इन कीजिए")
    r"(?:पढ़ते\s+रहने|पढ़ना\s+जारी\s+रखने|आगे\s+पढ़ने|पूरी\s+ख\u093c?बर\s+पढ़ने)\s+के\s+लिए.{0,40}(?:साइन|लॉग)[\s-]?इन|"
    r"\b(?:to\s+)?(?:keep|continue)\s+reading\b.{0,40}\b(?:sign|log)\s?[-\s]?in\b",
    re.IGNORECASE,
)
# A CMS shortcode left on a line of its own: "[[promo-box id=rwh-calc]]", "[related_posts limit=3]"
SHORTCODE_RE = re.compile(r"^\s*\[\[?/?[A-Za-z][\w-]*(?:\s+[\w-]+=[^\]]*)*\]\]?\s*$")
# A softer pointer to another story, with a word of "other" or "more" and any noun after it:
# "जैसलमेर ज़िले की दूसरी हलचल", "━━ अदालत से एक और फ़ैसला ━━", "इधर भी एक नज़र", "Keep
# scrolling: more from Telangana" (pass 5b: only when a full headline follows it and the block
# is far from the article in meaning and wording; an article's own subhead, "दूसरी तरफ़",
# "Other demands", is followed by its sentences).
OTHER_POINTER_RE = re.compile(
    r"(?:^|[\s:：━─—–-])(?:एक\s+और|दूसरी|दूसरा|दूसरे|अन्य|इधर\s+भी|another|other|more\s+from)(?=\s|$)",
    re.IGNORECASE,
)
# A page's controls and players (pass 1, only on a short line that does not end as a
# sentence): text size ("Text size: A A A", "फ़ॉन्ट साइज़"), the sort order of comments ("Sort
# by: Newest", "क्रम: नई पहले ▾"), a reading list ("☐ बाद में पढ़ें"), an audio player ("🎧 यह
# बातचीत सुनें (11 मिनट)", "Listen · 4 min").
PAGE_CONTROL_RE = re.compile(
    r"\b(?:text|font)\s+size\b|(?:फ़ॉन्ट|फॉन्ट|अक्षरों?\s+का)\s+(?:साइज़?|आकार)|"
    r"^\W*A\s*[-–+]?\s+A\s*[-–+]?\s+A\s*[-–+]?\W*$|"
    r"\bsort(?:ed)?\s+by\b|\b(?:newest|oldest|latest)\s+first\b|^\s*(?:क्रम|सॉर्ट)\s*[:：]|"
    r"(?:नई|नए|पुरानी|पुराने)\s+पहले\b|सूची\s+में\s+(?:जोड़|सेव)|बाद\s+में\s+पढ़(?:ें|ने)\s*$|"
    r"[🎧🔊]|(?:listen|सुनें|सुनिए)\W{0,3}[^.।]{0,30}[\d०-९]+\s*(?:मिनट|min|sec|सेकंड)|"
    # (a drop-down: "दिखाएं: नई टिप्पणियां ऊपर ▾", "क्रम बदलें: सबसे ज़्यादा पसंद की गई ▾")
    r"[:：][^:：]{1,40}[▾⌄]\s*$",
    re.IGNORECASE,
)
# A map's or a chart's own control ("RADAR NOW · Cloud bands over the Bay · tap the map to zoom",
# "नक्शा बड़ा करने के लिए टैप करें"): on a line of a few more words than a page control.
ZOOM_RE = re.compile(
    r"\b(?:tap|click|pinch)\s+(?:on\s+)?(?:the\s+)?(?:map|image|photo|chart|graphic)\s+to\s+(?:zoom|enlarge|expand)|"
    r"(?:नक्शा|नक्शे|मैप|ग्राफ़?िक|तस्वीर)\s+(?:को\s+)?(?:बड़ा|ज़ूम|जूम)\s+करने\s+के\s+लिए\s+(?:टैप|क्लिक)",
    re.IGNORECASE,
)
# A loading notice ("वीडियो प्लेयर तैयार हो रहा है…", "Loading...": on a short line, a
# sentence's end mark allowed) and its failure.
LOADING_RE = re.compile(
    # (the failure: "The radar layer could not be fetched right now. Retry ↻")
    r"\b(?:could\s+not|couldn'?t|failed\s+to|unable\s+to)\s+(?:be\s+)?(?:load|fetch)\w*|"
    # (a player's: "Player could not start. Error V-204 · Retry")
    r"\b(?:player|video)\s+(?:could\s+not|couldn'?t|failed\s+to)\s+(?:start|play)\b|"
    r"\bretry\s*↻|लोड\s+नहीं\s+(?:हो\s+)?(?:सका|सकी|सके|पाया|पाई)|दोबारा\s+कोशिश\s+करें|"
    # ("थोड़ी देर बाद फिर कोशिश करें", "पेज को दोबारा लोड करके देखिए", "Try again later")
    r"(?:थोड़ी|कुछ)\s+देर\s+(?:बाद|में)\s+(?:\S+\s+){0,3}(?:कोशिश|प्रयास)\s+कर|"
    r"(?:पेज|पृष्ठ)\s+(?:को\s+)?(?:दोबारा|फिर\s+से|फिर)\s+(?:लोड|रीलोड|खोल)|\b(?:reload|refresh)\s+the\s+page|"
    r"\btry\s+again\s+later|इस\s+समय\s+(?:नहीं\s+चल|चल\s+नहीं)\s+(?:पा\s+)?(?:रहा|रही|सका|सकी)|"
    r"^\W*loading\b|\bplease\s+wait\b|कृपया\s+प्रतीक्षा|(?:लोड|तैयार)\s+हो\s+(?:रहा|रही|रहे)\s+है\s*(?:…|\.{3})\s*$",
    re.IGNORECASE,
)
# A table of contents on one line ("विषय-सूची ▸ योजना क्या है · पात्रता · आवेदन", "In this
# article: Background | Costs | What next") and a breadcrumb's cut end ("Chandigarh |").
INLINE_CONTENTS_RE = re.compile(
    r"^\s*(?:विषय[\s-]सूची|सामग्री|इस\s+(?:लेख|ख़?बर)\s+में|contents|in\s+this\s+(?:article|story))\s*"
    r"[▸▶:：›»|–—-]\s*[^·|]+(?:\s[·|]\s[^·|]+){2,}$",
    re.IGNORECASE,
)
CRUMB_END_RE = re.compile(r"\s[|»›>/]\s*$")
# A line of a box of facts: "key: value" ("Season: October to May", "हेल्पलाइन: 1800-233-4417")
KEY_VALUE_RE = re.compile(r"^\s*(?P<key>[^:：|]{2,40})[:：]\s*\S")
