require 'asciidoctor/extensions'
require 'pathname'

# The site's own Asciidoctor behaviour: offline math, asset links that work from any folder,
# a list of the pages in a folder, and a strict image check.
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
      output.sub MATHJAX, ''
    end
  end

  # Asciidoctor does not check image targets: a missing picture warns here, naming file and line.
  class ImageCheck < Asciidoctor::Extensions::TreeProcessor
    include Asciidoctor::Logging

    def process doc
      doc.find_by(context: :image).each do |image|
        target = image.attr 'target'
        next if target.include?('://') || target.start_with?('data:')
        imagesdir = image.attr 'imagesdir', ''
        folders = [MicrogradSite.page_dir(doc)]
        if (output = doc.attr 'site-output') && (folder = MicrogradSite.page_folder doc)
          folders << (File.join output, folder.to_s)
        end
        places = folders.compact.uniq.map {|dir| File.expand_path target, (File.expand_path imagesdir, dir) }
        next if places.any? {|path| File.file? path }
        logger.warn message_with_context %(image not found: #{target} (looked for #{places.join ' and '})), source_location: image.source_location
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
  tree_processor MicrogradSite::NavTitles
  docinfo_processor MicrogradSite::Head
  postprocessor MicrogradSite::NoMathJax
  block_macro MicrogradSite::PageList
end
