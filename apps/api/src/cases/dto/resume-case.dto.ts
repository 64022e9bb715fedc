import { CommandOptionsDto } from './command-options.dto.js';

export class ResumeCaseDto extends CommandOptionsDto {}
