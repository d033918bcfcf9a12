/**
 * Signpost's icons: the few it uses from Lucide (lucide-preact, ISC), re-exported under one name
 * each so that every screen draws the same symbol for the same idea and the bundles carry only
 * these (the package is tree-shakeable). Icons are decorative (Lucide sets aria-hidden when no
 * label is given): the text next to them carries the meaning. Size them with `class="sp-icon"`.
 */

/** The type of any icon above. */
export type { LucideIcon as Icon } from 'lucide-preact';
export {
  Check as DoneIcon,
  ChevronDown as ExpandIcon,
  ChevronUp as CollapseIcon,
  CircleAlert as ErrorIcon,
  CircleCheck as OkIcon,
  CircleOff as OffIcon,
  Clock as PendingIcon,
  Download as DownloadIcon,
  ExternalLink as OpenIcon,
  FileText as ArticleIcon,
  Flag as FlagIcon,
  GripVertical as DragIcon,
  Inbox as EmptyIcon,
  Info as InfoIcon,
  Lightbulb as TipIcon,
  LoaderCircle as LoadingIcon,
  MessageSquarePlus as RequestIcon,
  Pause as PauseIcon,
  Play as ResumeIcon,
  Plus as AddIcon,
  RefreshCw as RetryIcon,
  Search as SearchIcon,
  Send as SendIcon,
  Settings as SettingsIcon,
  Signpost as SignpostIcon,
  ThumbsDown as NotHelpfulIcon,
  ThumbsUp as EndorseIcon,
  TriangleAlert as WarningIcon,
  Undo2 as UndoIcon,
  X as CloseIcon,
} from 'lucide-preact';
