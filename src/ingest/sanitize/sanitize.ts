// Allow-list sanitizer for article HTML: everything we store or serve goes through here.
import sanitize from 'sanitize-html';

const HEADINGS = ['h2', 'h3', 'h4', 'h5', 'h6'];

const ALLOWED_TAGS = [
  'p', 'br', 'hr', 'div', 'section', 'article', 'span',
  ...HEADINGS,
  'ul', 'ol', 'li', 'dl', 'dt', 'dd',
  'blockquote', 'q', 'cite', 'figure', 'figcaption', 'picture', 'source', 'img',
  'a', 'em', 'strong', 'b', 'i', 'u', 's', 'del', 'ins', 'mark', 'small', 'sub', 'sup',
  'abbr', 'time', 'code', 'pre', 'kbd', 'samp', 'var',
  'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'colgroup', 'col',
  'details', 'summary', 'iframe',
];

// Structural blocks we do not keep as such: they become <div>, so their text stays a paragraph of
// its own instead of running into the next one.
const BLOCKS_AS_DIV = ['header', 'footer', 'main', 'aside', 'nav', 'address', 'hgroup', 'fieldset', 'form', 'dialog', 'center'];

const ALLOWED_ATTRIBUTES: sanitize.IOptions['allowedAttributes'] = {
  '*': ['lang', 'dir', 'title'],
  a: ['href', 'rel'],
  img: ['src', 'srcset', 'sizes', 'alt', 'width', 'height', 'loading'],
  source: ['srcset', 'sizes', 'media', 'type'],
  blockquote: ['cite'],
  q: ['cite'],
  time: ['datetime'],
  ol: ['start', 'reversed', 'type'],
  td: ['colspan', 'rowspan', 'headers'],
  th: ['colspan', 'rowspan', 'headers', 'scope'],
  col: ['span'],
  colgroup: ['span'],
  // Only what the iframe transform below sets (size and title are kept from the page).
  iframe: ['src', 'width', 'height', 'title', 'sandbox', 'allowfullscreen', 'loading', 'referrerpolicy'],
};

// Video players we embed; anything else in an iframe is dropped.
const EMBED_PATHS: Record<string, RegExp> = {
  'www.youtube.com': /^\/embed\/[\w-]+$/,
  'youtube.com': /^\/embed\/[\w-]+$/,
  'www.youtube-nocookie.com': /^\/embed\/[\w-]+$/,
  'player.vimeo.com': /^\/video\/\d+$/,
};

// Players need scripts and their own origin, and open their links in a new tab (popups); they get
// no top-level navigation, forms or downloads.
const EMBED_SANDBOX = 'allow-scripts allow-same-origin allow-presentation allow-popups';

/** Resolves `value` against `baseUrl`; protocol-relative URLs become https without a base. */
function absoluteUrl(value: string, baseUrl: string | undefined): string {
  const trimmed = value.trim();
  try {
    if (baseUrl) return new URL(trimmed, baseUrl).href;
    if (trimmed.startsWith('//')) return new URL(`https:${trimmed}`).href;
  } catch {
    // An unparseable URL stays as it was; the scheme check below still applies to it.
  }
  return trimmed;
}

/**
 * Makes every candidate URL of a srcset absolute. Hand-written because URLs may contain commas
 * (`/img,w_300.jpg 300w`): a candidate's URL runs to the next whitespace, its descriptor to the next comma.
 */
export function absoluteSrcset(srcset: string, baseUrl: string | undefined): string {
  const candidates: string[] = [];
  let position = 0;
  while (position < srcset.length) {
    const start = srcset.slice(position).search(/[^\s,]/);
    if (start < 0) break;
    position += start;
    const space = srcset.slice(position).search(/\s/);
    const urlEnd = space < 0 ? srcset.length : position + space;
    let url = srcset.slice(position, urlEnd);
    let descriptor = '';
    if (url.endsWith(',')) {
      url = url.replace(/,+$/, '');
      position = urlEnd;
    } else {
      const comma = srcset.indexOf(',', urlEnd);
      const descriptorEnd = comma < 0 ? srcset.length : comma;
      descriptor = srcset.slice(urlEnd, descriptorEnd).trim();
      position = descriptorEnd + 1;
    }
    const resolved = absoluteUrl(url, baseUrl);
    candidates.push(descriptor ? `${resolved} ${descriptor}` : resolved);
  }
  return candidates.join(', ');
}

function embedAllowed(src: string): boolean {
  try {
    const url = new URL(src);
    return url.protocol === 'https:' && EMBED_PATHS[url.hostname]?.test(url.pathname) === true;
  } catch {
    return false;
  }
}

function optionsFor(baseUrl: string | undefined): sanitize.IOptions {
  const withAbsolute = (attribs: sanitize.Attributes, names: string[]): sanitize.Attributes => {
    const out = { ...attribs };
    for (const name of names) {
      const value = out[name];
      if (value === undefined) continue;
      out[name] = name.endsWith('srcset') ? absoluteSrcset(value, baseUrl) : absoluteUrl(value, baseUrl);
    }
    return out;
  };
  return {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: ALLOWED_ATTRIBUTES,
    allowedSchemes: ['http', 'https', 'mailto'],
    // data: images could smuggle SVG with scripts into old browsers and bloat the store.
    allowedSchemesByTag: { img: ['http', 'https'], source: ['http', 'https'], iframe: ['https'] },
    allowedSchemesAppliedToAttributes: ['href', 'src', 'cite', 'srcset'],
    allowProtocolRelative: false,
    allowedIframeHostnames: Object.keys(EMBED_PATHS),
    allowIframeRelativeUrls: false,
    disallowedTagsMode: 'discard',
    // Their text is code or UI, never article prose.
    nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'template', 'title', 'select', 'button', 'svg', 'math', 'iframe'],
    transformTags: {
      ...Object.fromEntries(BLOCKS_AS_DIV.map((tag) => [tag, () => ({ tagName: 'div', attribs: {} })])),
      h1: (_tag, attribs) => ({ tagName: 'h2', attribs }),
      // Every link in stored content points away from skim.
      a: (_tag, attribs) => ({
        tagName: 'a',
        attribs: { ...withAbsolute(attribs, ['href']), rel: 'noopener noreferrer nofollow' },
      }),
      img: (_tag, attribs) => ({ tagName: 'img', attribs: { ...withAbsolute(attribs, ['src', 'srcset']), loading: 'lazy' } }),
      source: (_tag, attribs) => ({ tagName: 'source', attribs: withAbsolute(attribs, ['srcset']) }),
      blockquote: (_tag, attribs) => ({ tagName: 'blockquote', attribs: withAbsolute(attribs, ['cite']) }),
      q: (_tag, attribs) => ({ tagName: 'q', attribs: withAbsolute(attribs, ['cite']) }),
      iframe: (_tag, attribs) => {
        const src = absoluteUrl(attribs.src ?? '', baseUrl);
        if (!embedAllowed(src)) return { tagName: 'iframe', attribs: {} };
        return {
          tagName: 'iframe',
          attribs: {
            src,
            sandbox: EMBED_SANDBOX,
            allowfullscreen: '',
            loading: 'lazy',
            referrerpolicy: 'strict-origin-when-cross-origin',
            ...(attribs.width ? { width: attribs.width } : {}),
            ...(attribs.height ? { height: attribs.height } : {}),
            ...(attribs.title ? { title: attribs.title } : {}),
          },
        };
      },
    },
    selfClosing: ['img', 'br', 'hr', 'source', 'col', 'wbr'],
    // Images and embeds whose only URL was refused are noise; a link without one is just its text.
    exclusiveFilter: (frame) => {
      if (frame.tag === 'iframe' || frame.tag === 'img') return !frame.attribs.src;
      return frame.tag === 'a' && !frame.attribs.href ? 'excludeTag' : false;
    },
  };
}

/** Returns `html` reduced to the allow-list, with URLs made absolute against `baseUrl`. */
export function sanitizeHtml(html: string, baseUrl?: string): string {
  return sanitize(html, optionsFor(baseUrl));
}
