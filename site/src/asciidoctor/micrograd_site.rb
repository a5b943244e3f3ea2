require 'asciidoctor/extensions'
require 'pathname'

# The site's own Asciidoctor behaviour: offline math, asset links that work from any folder,
# a list of the pages in a folder, a strict image check, whole captions and code at the left margin.
module MicrogradSite
  # Asciidoctor adds MathJax from a CDN whenever :stem: is set; KaTeX from the site replaces it.
  MATHJAX = %r{<script type="text/x-mathjax-config">.*?</script>\s*<script [^>]*src="[^"]*mathjax[^"]*"[^>]*></script>\s*}m

  # The way back from the page's folder to the site's top folder: "" or "../" per level.
  def self.root_prefix doc
    relative = page_folder doc
    relative.nil? || relative.to_s == '.' ? '' : '../' * relative.each_filename.count
  end

  # The folder of the page's source file; not {docdir}, which the Maven plugin sets to the top folder.
  def self.page_dir doc
    (docfile = doc.attr 'docfile') ? (File.dirname docfile) : (doc.attr 'docdir')
  end

  # The page's folder relative to the sources' top folder (the same inside the built site).
  def self.page_folder doc
    sources = doc.attr 'site-sources'
    dir = page_dir doc
    return nil if sources.nil? || dir.nil_or_empty?
    Pathname.new(File.expand_path dir).relative_path_from(Pathname.new(File.expand_path sources))
  end

  # Sets {site-root}, the way from the page back to the site's top folder, and the images folder from there.
  class Pages < Asciidoctor::Extensions::Preprocessor
    def process doc, reader
      root = MicrogradSite.root_prefix doc
      doc.set_attribute 'site-root', root
      doc.set_attribute 'imagesdir', %(#{root}images) unless root.empty?
      reader
    end
  end

  # Links the page to the site's stylesheet and to KaTeX, all by relative paths inside the site.
  class Head < Asciidoctor::Extensions::DocinfoProcessor
    use_dsl
    at_location :head

    def process doc
      root = doc.attr 'site-root', ''
      <<~HTML.chomp
        <link rel="stylesheet" href="#{root}katex/katex.min.css">
        <link rel="stylesheet" href="#{root}theme/site.css">
        <script defer src="#{root}katex/katex.min.js"></script>
        <script defer src="#{root}katex/contrib/auto-render.min.js"></script>
        <script defer src="#{root}theme/math.js"></script>
      HTML
    end
  end

  class NoMathJax < Asciidoctor::Extensions::Postprocessor
    def process doc, output
      output = output.sub MATHJAX, ''
      # A page without maths (no \( or \[ from latexmath) does not load KaTeX at all.
      return output if output.include?('\\(') || output.include?('\\[')
      output.gsub(%r{^<(?:link rel="stylesheet" href|script defer src)="[^"]*(?:katex/|theme/math\.js)[^"]*">(?:</script>)?\n}, '')
    end
  end

  KATEX = %r{^<(?:link rel="stylesheet"|script defer) (?:href|src)="[^"]*(?:katex/|theme/math\.js)[^"]*">(?:</script>)?\n}
  VIZ = %r{^<script src="[^"]*live/viz/[^"]*"></script>\n}

  # Each page loads what it uses: KaTeX only where there is math, the graph drawer only beside a live graph.
  # The content is a main landmark, and a code block that scrolls sideways can be scrolled from the keyboard.
  class PageShape < Asciidoctor::Extensions::Postprocessor
    def process doc, output
      head, body = output.split '<body', 2
      return output unless body
      head = head.gsub KATEX, '' unless body.include?('\\(') || body.include?('\\[')
      body = body.gsub VIZ, '' unless body.match? %r{class="[^"]*\bmg-playground\b}
      body = body.gsub %r{<pre class="([^"]*)">}, '<pre class="\\1" tabindex="0">'
      body = body.gsub '<pre>', '<pre tabindex="0">'
      if body.include? '<div id="content">'
        body = body.sub '<div id="content">', '<main id="content">'
        ending = body.include?('<div id="footnotes">') ? '<div id="footnotes">' : '<div id="footer">'
        body = body.sub %r{</div>\n(?=#{ending})}, %(</main>\n)
      end
      %(#{head}<body#{body})
    end
  end

  # The places an image block's file may be: beside the page's source, or already copied into the built site.
  def self.image_places doc, image
    target = image.attr 'target'
    imagesdir = image.attr 'imagesdir', ''
    folders = [page_dir(doc)]
    if (output = doc.attr 'site-output') && (folder = page_folder doc)
      folders << (File.join output, folder.to_s)
    end
    folders.compact.uniq.map {|dir| File.expand_path target, (File.expand_path imagesdir, dir) }
  end

  # Asciidoctor does not check image targets: a missing picture warns here, naming file and line.
  class ImageCheck < Asciidoctor::Extensions::TreeProcessor
    include Asciidoctor::Logging

    def process doc
      doc.find_by(context: :image).each do |image|
        target = image.attr 'target'
        next if target.include?('://') || target.start_with?('data:')
        places = MicrogradSite.image_places doc, image
        next if places.any? {|path| File.file? path }
        logger.warn message_with_context %(image not found: #{target} (looked for #{places.join ' and '})), source_location: image.source_location
      end
      nil
    end
  end

  # A graph drawn by Graphviz (its SVG has the group "graph0") keeps its own size (its text is 10 px and must not shrink), scrolls inside its box
  # when wider than the column, and opens full size when clicked. Every picture shows its caption under it.
  class Graphs < Asciidoctor::Extensions::TreeProcessor
    def process doc
      doc.find_by(context: :image).each do |image|
        target = image.attr 'target'
        next if target.include?('://') || target.start_with?('data:')
        unless image.title?
          # Shown as written: a caption such as "(a*b + c) * f" must not turn into markup.
          image.title = %(pass:c[#{(image.attr 'alt').gsub ']', '\]'}])
          image.caption = ''
        end
        next unless target.end_with? '.svg'
        file = (MicrogradSite.image_places doc, image).find {|path| File.file? path }
        next unless file && (File.read file, 4096).include?('<g id="graph0" class="graph"')
        image.add_role 'graph'
        image.set_attr 'link', (image.image_uri target) unless image.attr? 'link'
      end
      nil
    end
  end

  # Attributes Asciidoctor knows for images, which may follow a caption as ", name=value".
  IMAGE_ATTRIBUTE = /,\s*(?:width|height|scaledwidth|role|id|opts|options|align|float|link|window|title|format)\s*=\s*(?:"[^"]*"|'[^']*'|[^,"']*)\s*$/

  # Splits the text between an image's brackets into its caption and the image attributes that end it.
  def self.split_caption text
    caption = text.strip
    extras = []
    while (m = IMAGE_ATTRIBUTE.match caption)
      extras.unshift m[0].sub(/\A,\s*/, '').strip
      caption = caption[0...m.begin(0)].strip
    end
    [caption, extras.join(',')]
  end

  # A caption is all the text between an image's brackets, commas and equals signs included: Asciidoctor
  # would cut it at the first comma (the rest becoming the width) or read "a = b" as a named attribute.
  # Trailing ", width=..."-style attributes stay attributes; a caption in double quotes is Asciidoctor's own.
  class ImageCaptions < Asciidoctor::Extensions::TreeProcessor
    MACRO = /\Aimage::(\S+?)\[(.*)\]\s*\z/

    def process doc
      sources = {}
      doc.find_by(context: :image).each do |image|
        next unless (place = image.source_location) && (file = place.file) && (File.file? file)
        line = (sources[file] ||= File.readlines file, chomp: true)[place.lineno - 1]
        next unless line && (m = MACRO.match line) && !(text = m[2].strip).start_with?('"')
        caption, extras = MicrogradSite.split_caption text
        (Asciidoctor::AttributeList.new text).parse(%w(alt width height)).each_key {|key| image.remove_attr key }
        (Asciidoctor::AttributeList.new extras).parse.each {|key, value| image.set_attr key, value } unless extras.empty?
        image.set_attr 'alt', (image.sub_attributes caption)
        image.remove_attr 'default-alt'
      end
      nil
    end
  end

  # Code included from inside a class keeps its indentation; every source block starts at the left margin.
  class Dedent < Asciidoctor::Extensions::TreeProcessor
    def process doc
      doc.find_by(context: :listing, style: 'source').each do |block|
        indents = block.lines.reject {|line| line.strip.empty? }.map {|line| line[/\A[ \t]*/].length }
        next if indents.empty? || (cut = indents.min) == 0
        block.lines.map! {|line| line.strip.empty? ? '' : line[cut..] }
      end
      nil
    end
  end

  # Sets {prev-title} and {next-title} from the pages that :prev-page: and :next-page: name.
  class NavTitles < Asciidoctor::Extensions::TreeProcessor
    def process doc
      { 'prev' => 'Previous chapter', 'next' => 'Next chapter' }.each do |key, fallback|
        next unless (page = doc.attr %(#{key}-page))
        source = File.join MicrogradSite.page_dir(doc).to_s, %(#{page.chomp '.html'}.adoc)
        heading = (File.file? source) ? File.foreach(source).find {|line| line.start_with? '= ' } : nil
        title = heading ? heading[2..].strip : fallback
        doc.set_attribute %(#{key}-title), (title.gsub ']', '\]')
      end
      nil
    end
  end

  LECTURE = 'https://www.youtube.com/watch?v=VMj-3S1tku0'
  LECTURE_TITLE = 'The spelled-out intro to neural networks and backpropagation: building micrograd'

  # A chapter says which part of the lecture it follows (:lecture-part: in its header), first thing on the page.
  class LecturePart < Asciidoctor::Extensions::TreeProcessor
    def process doc
      return nil unless (part = doc.attr 'lecture-part')
      text = %(This chapter follows #{LECTURE}[Andrej Karpathy's lecture _#{LECTURE_TITLE}_^]: #{part})
      doc.blocks.unshift (create_paragraph doc, text, { 'role' => 'lecture-part' }, subs: :default)
      nil
    end
  end

  # pagelist::exercises[] lists the pages of a folder, each linked under its own title.
  class PageList < Asciidoctor::Extensions::BlockMacroProcessor
    include Asciidoctor::Logging
    use_dsl
    named :pagelist

    def process parent, target, attrs
      doc = parent.document
      folder = File.join (doc.attr 'site-sources'), target
      pages = Dir.exist?(folder) ? Dir.glob('*.adoc', base: folder).sort : []
      if pages.empty?
        logger.warn message_with_context %(no pages in #{target}/), source_location: doc.reader.cursor_at_prev_line
        return nil
      end
      list = create_list parent, :ulist
      pages.each do |page|
        heading = File.foreach(File.join folder, page).find {|line| line.start_with? '= ' }
        title = heading ? heading[2..].strip : page
        list << (create_list_item list, %(link:#{doc.attr 'site-root', ''}#{target}/#{page.chomp '.adoc'}.html[#{title.gsub ']', '\]'}]))
      end
      list
    end
  end
end

Asciidoctor::Extensions.register do
  preprocessor MicrogradSite::Pages
  tree_processor MicrogradSite::ImageCheck
  tree_processor MicrogradSite::ImageCaptions
  tree_processor MicrogradSite::Graphs
  tree_processor MicrogradSite::Dedent
  tree_processor MicrogradSite::NavTitles
  tree_processor MicrogradSite::LecturePart
  docinfo_processor MicrogradSite::Head
  postprocessor MicrogradSite::NoMathJax
  postprocessor MicrogradSite::PageShape
  block_macro MicrogradSite::PageList
end
