<?xml version="1.0" encoding="UTF-8"?>
<!--
	Turns an RSS feed into a readable page when someone opens it in a browser: what a feed is, how to follow it,
	and the items it carries. Feed readers ignore it. XSLT 1.0, which is what browsers run. Each key in double braces is
	the site's label of that key (the `labels` option), filled in by feeds/routes/feed-stylesheet.ts.
-->
<xsl:stylesheet version="1.0"
	xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
	xmlns:atom="http://www.w3.org/2005/Atom"
	xmlns:dc="http://purl.org/dc/elements/1.1/"
	xmlns:media="http://search.yahoo.com/mrss/"
	exclude-result-prefixes="atom dc media">
	<xsl:output method="html" version="5.0" encoding="UTF-8" indent="yes" doctype-system="about:legacy-compat" />

	<xsl:template match="/">
		<xsl:apply-templates select="rss/channel" />
	</xsl:template>

	<xsl:template match="/rss/channel">
		<html lang="{language}" dir="{{dir}}">
			<head>
				<meta name="viewport" content="width=device-width, initial-scale=1" />
				<meta name="robots" content="noindex" />
				<title><xsl:value-of select="title" /> {{feedPageSuffix}}</title>
				<style>
					:root { color-scheme: light dark; --accent: #b3261e; --muted: #5f5f5f; --rule: #d9d9d9; }
					@media (prefers-color-scheme: dark) { :root { --accent: #ff8a80; --muted: #b0b0b0; --rule: #444; } }
					body { margin: 0; font: 1.0625rem/1.6 system-ui, sans-serif; }
					.wrap { max-width: 44rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
					.about { border: 1px solid var(--rule); border-inline-start: 0.35rem solid var(--accent); padding: 0.75rem 1rem; margin: 1rem 0 2rem; }
					.about h2 { margin-top: 0; font-size: 1.1rem; }
					.feed-url { display: block; padding: 0.4rem 0.5rem; border: 1px solid var(--rule); overflow-wrap: anywhere; font-family: ui-monospace, monospace; font-size: 0.9rem; }
					h1 { line-height: 1.2; margin-bottom: 0.25rem; }
					.items { list-style: none; padding: 0; }
					.items li { border-top: 1px solid var(--rule); padding: 1rem 0; }
					.items h3 { margin: 0 0 0.25rem; font-size: 1.2rem; line-height: 1.3; }
					.meta { color: var(--muted); font-size: 0.9rem; margin: 0 0 0.25rem; }
					a { color: var(--accent); }
				</style>
			</head>
			<body>
				<main class="wrap">
					<p class="meta">{{rssFeed}}</p>
					<h1><xsl:value-of select="title" /></h1>
					<p><xsl:value-of select="description" /></p>
					<section class="about" aria-labelledby="about-feeds">
						<h2 id="about-feeds">{{feedAbout}}</h2>
						<p>{{feedExplainer}}</p>
						<code class="feed-url"><xsl:value-of select="atom:link[@rel='self']/@href" /></code>
						<p>
							{{feedNew}}
							<a href="{link}">{{feedBack}}</a>
						</p>
					</section>
					<h2>{{feedLatest}}</h2>
					<xsl:choose>
						<xsl:when test="item">
							<ul class="items">
								<xsl:apply-templates select="item" />
							</ul>
						</xsl:when>
						<xsl:otherwise>
							<p>{{feedEmpty}}</p>
						</xsl:otherwise>
					</xsl:choose>
				</main>
			</body>
		</html>
	</xsl:template>

	<xsl:template match="item">
		<li>
			<h3><a href="{link}"><xsl:value-of select="title" /></a></h3>
			<p class="meta">
				<!-- "Wed, 28 Jan 2026 13:00:00 +0800" → "28 Jan 2026" -->
				<xsl:value-of select="substring(pubDate, 6, 11)" />
				<xsl:for-each select="dc:creator">
					<!-- The byline label around the names, joined as the site's locale joins a list. -->
					<xsl:choose>
						<xsl:when test="position() = 1"> · {{bylineBefore}}</xsl:when>
						<xsl:when test="position() = last() and last() = 2">{{listPair}}</xsl:when>
						<xsl:when test="position() = last()">{{listLast}}</xsl:when>
						<xsl:otherwise>{{listMiddle}}</xsl:otherwise>
					</xsl:choose>
					<xsl:value-of select="." />
					<xsl:if test="position() = last()">{{bylineAfter}}</xsl:if>
				</xsl:for-each>
			</p>
			<p><xsl:value-of select="description" /></p>
		</li>
	</xsl:template>
</xsl:stylesheet>
